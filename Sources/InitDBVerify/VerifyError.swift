/// What can stop a verification before any check runs.
public enum VerifyError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No PostgreSQL programs where they were looked for.
  case postgresNotFound(String)

  /// A step of setting up the throwaway server failed; the text holds its output.
  case serverFailed(step: String, output: String)

  /// The init folder failed on first start, as the image would have.
  case initFailed(output: String)

  /// The message shown after `error: `.
  public var description: String {
    switch self {
    case .postgresNotFound(let reason):
      "PostgreSQL not found: \(reason)"
    case .serverFailed(let step, let output):
      "the throwaway server failed to \(step):\n\(output)"
    case .initFailed(let output):
      "the init folder failed on first start:\n\(output)"
    }
  }
}
