/// The objects that access checks act on, and the statement that tries each action.
///
/// A creator makes a table with a serial key, a table with an identity key and a view;
/// each action is one statement on them, or one that creates something new. The first
/// start's self-test and `initdb-gen verify` run the same statements.
public struct ProbeObjects: Sendable {
  /// The first part of every object name, for example `initdb_gen_probe`.
  public let prefix: String

  /// Makes the names for one creator's objects.
  public init(prefix: String) {
    self.prefix = prefix
  }

  /// The table with a serial key, schema-qualified.
  public var serialTable: String { "public.\(prefix)_serial" }

  /// The table with an identity key, schema-qualified.
  public var identityTable: String { "public.\(prefix)_identity" }

  /// The view over the serial table, schema-qualified.
  public var view: String { "public.\(prefix)_view" }

  /// The statements that make the objects, one per line.
  public var creation: [String] {
    [
      "CREATE TABLE \(serialTable) (id serial PRIMARY KEY, note text)",
      "CREATE TABLE \(identityTable)\n"
        + "  (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)",
      "CREATE VIEW \(view)\n  AS SELECT id, note FROM \(serialTable)",
    ]
  }

  /// The one statement that tries an action.
  ///
  /// Statements that create name their new objects after the prefix too, so that
  /// nothing collides with what a database holds already.
  public func statement(for action: AccessAction) -> String {
    switch action {
    case .createSerialTable: "CREATE TABLE public.\(prefix)_new (id serial PRIMARY KEY)"
    case .createIdentityTable:
      "CREATE TABLE public.\(prefix)_new (id integer GENERATED ALWAYS AS IDENTITY)"
    case .createView: "CREATE VIEW public.\(prefix)_new_view AS SELECT 1 AS one"
    case .createSchema: "CREATE SCHEMA \(prefix)_new_schema"
    case .createIndex: "CREATE INDEX ON \(serialTable) (note)"
    case .alterTable: "ALTER TABLE \(serialTable) ADD COLUMN extra integer"
    case .drop: "DROP TABLE \(identityTable)"
    case .select: "SELECT * FROM \(serialTable)"
    case .selectView: "SELECT * FROM \(view)"
    case .insertSerial: "INSERT INTO \(serialTable) (note) VALUES ('probe')"
    case .insertIdentity: "INSERT INTO \(identityTable) (note) VALUES ('probe')"
    case .update: "UPDATE \(serialTable) SET note = 'probe' WHERE id = 1"
    case .delete: "DELETE FROM \(serialTable) WHERE id = 1"
    case .truncate: "TRUNCATE \(serialTable)"
    }
  }
}
