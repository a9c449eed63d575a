/// A PostgreSQL role of the model.
public struct Role: Equatable, Sendable {
  /// The role's name: lowercase letters, digits and underscores.
  public var name: String

  /// What the role is for, in a few words; generated comments quote it.
  public var summary: String

  /// The environment variable that holds the role's password.
  ///
  /// A role with a password variable can log in; a role without one is NOLOGIN and
  /// serves as an owner or a group. At init the variable may instead be given as
  /// `<variable>_FILE`, naming a file that holds the password.
  public var passwordVariable: String?

  /// The roles this role is a member of: it inherits their privileges and may
  /// `SET ROLE` to them.
  public var memberOf: [String]

  /// The service that logs in as this role: its env file carries the password variable.
  public var service: String?

  /// Makes a role.
  public init(
    name: String,
    summary: String,
    passwordVariable: String? = nil,
    memberOf: [String] = [],
    service: String? = nil
  ) {
    self.name = name
    self.summary = summary
    self.passwordVariable = passwordVariable
    self.memberOf = memberOf
    self.service = service
  }

  /// Whether the role can log in.
  public var canLogin: Bool {
    passwordVariable != nil
  }
}
