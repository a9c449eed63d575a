/// One line of the verification: what a role tried where, what the model expects, and
/// what the server did.
public struct AccessCheck: Equatable, Sendable {
  /// The role that acted, or whose objects were checked.
  public let role: String

  /// The database it happened in.
  public let database: String

  /// What was tried, for example `INSERT (serial), objects of api_owner`.
  public let action: String

  /// The outcome the model calls for, for example `allowed` or an owner's name.
  public let expected: String

  /// The outcome the server gave; an unexpected error shows its message.
  public let actual: String

  /// Makes a check.
  public init(role: String, database: String, action: String, expected: String, actual: String) {
    self.role = role
    self.database = database
    self.action = action
    self.expected = expected
    self.actual = actual
  }

  /// Whether the server did what the model says.
  public var passed: Bool { expected == actual }

  /// The words used for an action that worked or was refused.
  public static func outcome(_ allowed: Bool) -> String {
    allowed ? "allowed" : "denied"
  }
}
