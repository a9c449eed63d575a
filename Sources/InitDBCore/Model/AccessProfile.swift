/// What a role may do in a database, beyond connecting to it.
public enum AccessProfile: String, Codable, CaseIterable, Sendable {
  /// Runs schema migrations as the database's owner: every session of the role in the
  /// database starts as the owner, so what it creates belongs to the owner.
  case migrator

  /// Reads and writes rows: SELECT, INSERT, UPDATE and DELETE on tables, and USAGE on
  /// sequences so that inserts through serial defaults work.
  case readWrite = "read-write"

  /// Reads rows: SELECT on tables.
  case readOnly = "read-only"

  /// Reads rows and changes them in place, for example to claim and finish jobs:
  /// SELECT and UPDATE on tables, no INSERT, no DELETE.
  case selectUpdate = "select-update"

  /// The table privileges the profile grants, in PostgreSQL's order; empty for a
  /// migrator, which acts as the owner instead.
  public var tablePrivileges: [String] {
    switch self {
    case .migrator: []
    case .readWrite: ["SELECT", "INSERT", "UPDATE", "DELETE"]
    case .readOnly: ["SELECT"]
    case .selectUpdate: ["SELECT", "UPDATE"]
    }
  }

  /// The sequence privileges the profile grants.
  ///
  /// `nextval()` in a serial column's default needs USAGE; identity columns need none,
  /// and neither read-only nor select-update profiles insert rows.
  public var sequencePrivileges: [String] {
    self == .readWrite ? ["USAGE"] : []
  }

  /// A few words for comments and reports, for example `read-write`.
  public var title: String {
    rawValue
  }
}
