/// One thing a role may try in a database, as the access matrix checks it.
///
/// Table actions act on probe objects that a creator (the owner, or a migrator after
/// `SET ROLE` to itself) made; the others act on the database and its schema `public`.
public enum AccessAction: String, CaseIterable, Codable, Sendable {
  /// `CREATE TABLE` with a serial key in schema `public`.
  case createSerialTable = "CREATE TABLE (serial)"

  /// `CREATE TABLE` with an identity key in schema `public`.
  case createIdentityTable = "CREATE TABLE (identity)"

  /// `CREATE VIEW` in schema `public`.
  case createView = "CREATE VIEW"

  /// `CREATE SCHEMA`, which needs CREATE on the database.
  case createSchema = "CREATE SCHEMA"

  /// `CREATE INDEX` on an existing table, which needs its ownership.
  case createIndex = "CREATE INDEX"

  /// `ALTER TABLE … ADD COLUMN` on an existing table.
  case alterTable = "ALTER TABLE"

  /// `DROP TABLE` and `DROP VIEW` of existing objects.
  case drop = "DROP"

  /// `SELECT` from a table.
  case select = "SELECT"

  /// `SELECT` through a view of that table.
  case selectView = "SELECT (view)"

  /// `INSERT` that takes its key from a serial default, which calls `nextval()`.
  case insertSerial = "INSERT (serial)"

  /// `INSERT` that takes its key from an identity column.
  case insertIdentity = "INSERT (identity)"

  /// `UPDATE … WHERE id = …`, which also reads `id`.
  case update = "UPDATE"

  /// `DELETE … WHERE id = …`, which also reads `id`.
  case delete = "DELETE"

  /// `TRUNCATE`.
  case truncate = "TRUNCATE"

  /// Whether the action works on objects that a creator made, rather than on the
  /// database or its schema `public`.
  public var actsOnExistingObjects: Bool {
    switch self {
    case .createSerialTable, .createIdentityTable, .createView, .createSchema: false
    default: true
    }
  }

  /// Whether only the owner of the object (or a member of it) may do this.
  public var needsOwnership: Bool {
    switch self {
    case .createIndex, .alterTable, .drop: true
    default: false
    }
  }

  /// The table privileges the action needs when the role does not own the table.
  public var tablePrivileges: Set<String> {
    switch self {
    case .select, .selectView: ["SELECT"]
    case .insertSerial, .insertIdentity: ["INSERT"]
    case .update: ["UPDATE", "SELECT"]
    case .delete: ["DELETE", "SELECT"]
    case .truncate: ["TRUNCATE"]
    default: []
    }
  }

  /// Whether the action also needs USAGE on the table's sequence.
  public var needsSequenceUsage: Bool {
    self == .insertSerial
  }

  /// The actions on existing objects that change data rather than structure: the ones
  /// checked on the tables of every creator.
  public static let dataActions: [AccessAction] = [
    .select, .selectView, .insertSerial, .insertIdentity, .update, .delete, .truncate,
  ]

  /// The actions that create something new in the database.
  public static let creationActions: [AccessAction] = [
    .createSerialTable, .createIdentityTable, .createView, .createSchema,
  ]

  /// The actions that change the structure of existing objects.
  public static let structureActions: [AccessAction] = [.createIndex, .alterTable, .drop]
}
