/// What can stop a verification before any check runs.
public enum VerifyError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No PostgreSQL programs where they were looked for.
  case postgresNotFound(String)

  /// A step of setting up the throwaway server failed; the text holds its output.
  case serverFailed(step: String, output: String)

  /// The init folder failed on first start, as the image would have.
  case initFailed(output: String)

  /// An environment file that cannot be read or is not made of `KEY=VALUE` lines.
  case unreadableEnvironmentFile(path: String, reason: String)

  /// A login role whose password verify cannot log in with.
  case unusablePassword(role: String, variable: String)

  /// The message shown after `error: `.
  public var description: String {
    switch self {
    case .postgresNotFound(let reason):
      "PostgreSQL not found: \(reason)"
    case .serverFailed(let step, let output):
      "the throwaway server failed to \(step):\n\(output)"
    case .initFailed(let output):
      "the init folder failed on first start:\n\(output)"
    case .unreadableEnvironmentFile(let path, let reason):
      "environment file \(path): \(reason)"
    case .unusablePassword(let role, let variable):
      "cannot log in as \(role): \(variable) (or \(variable)_FILE) is unset, empty or a "
        + "SCRAM verifier; give verify the plain password in an --env-file"
    }
  }
}
