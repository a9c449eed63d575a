import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Re-applies init folders to initialised clusters on every PostgreSQL major, as an
/// administrator would with `scripts/reapply-initdb.sh`, and compares the catalogs.
@Suite(PostgresServer.trait)
struct ConvergenceTests {
  /// A cluster initialised from `folder`, running, with the migrators' objects made.
  private func initialisedCluster(
    _ binaries: PostgresBinaries,
    folder: URL = TestInitFolders.committed
  ) throws -> ScratchCluster {
    let cluster = try ScratchCluster(binaries: binaries)
    do {
      try cluster.runFirstStart(initFolder: folder, environment: KivollPasswords.plain)
      try cluster.startWithPasswords()
      try TestInitFolders.migrate(cluster, passwords: KivollPasswords.plain)
    } catch {
      cluster.remove()
      throw error
    }
    return cluster
  }

  private func expectReapplied(
    _ folder: URL,
    to cluster: ScratchCluster,
    passwords: [String: String] = KivollPasswords.plain,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try TestInitFolders.reapply(folder, to: cluster, passwords: passwords)
    try #require(
      result.succeeded,
      "re-apply failed: \(result.output)\(result.errorOutput)",
      sourceLocation: sourceLocation
    )
  }

  private func expectEqual(
    _ actual: [String],
    _ expected: [String],
    _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let missing = expected.filter { !actual.contains($0) }.joined(separator: "\n")
    let extra = actual.filter { !expected.contains($0) }.joined(separator: "\n")
    #expect(
      missing.isEmpty && extra.isEmpty,
      "\(what):\n- missing:\n\(missing)\n- extra:\n\(extra)",
      sourceLocation: sourceLocation
    )
  }

  @Test(arguments: PostgresServer.installations)
  func reapplyingTheSameFolderChangesNothingButPasswords(binaries: PostgresBinaries) throws {
    let cluster = try initialisedCluster(binaries)
    defer { cluster.remove() }
    let before = try CatalogSnapshot.take(cluster)

    try expectReapplied(
      TestInitFolders.committed,
      to: cluster,
      passwords: TestInitFolders.rotatedPasswords
    )

    expectEqual(try CatalogSnapshot.take(cluster), before, "catalog after re-apply")
    for (variable, role) in [
      ("WORKER_APP_PASSWORD", "worker_app"), ("SCHEDULER_DB_PASSWORD", "scheduler"),
    ] {
      let database = role == "scheduler" ? "scheduler_db" : "worker_db"
      let new = try cluster.psql(
        user: role,
        password: TestInitFolders.rotatedPasswords[variable],
        database: database,
        sql: "SELECT 1"
      )
      #expect(new.succeeded, "\(role) with its new password: \(new.errorOutput)")
      let old = try cluster.psql(
        user: role,
        password: KivollPasswords.plain[variable],
        database: database,
        sql: "SELECT 1"
      )
      #expect(!old.succeeded, "\(role) still logs in with its old password")
    }
  }

  @Test(arguments: PostgresServer.installations)
  func reapplyingTakesBackWhatWasGrantedByHand(binaries: PostgresBinaries) throws {
    let cluster = try initialisedCluster(binaries)
    defer { cluster.remove() }
    let before = try CatalogSnapshot.take(cluster)

    for (database, sql) in Self.drift {
      let result = try cluster.admin(sql, database: database)
      try #require(result.succeeded, "\(sql): \(result.errorOutput)")
    }
    let drifted = try CatalogSnapshot.take(cluster)
    #expect(drifted != before, "the drift changed nothing, so this test proves nothing")

    try expectReapplied(TestInitFolders.committed, to: cluster)
    expectEqual(try CatalogSnapshot.take(cluster), before, "catalog after re-apply")
  }

  /// Changes by hand among the model's roles that re-applying must take back.
  private static let drift: [(String, String)] = [
    ("postgres", "GRANT api_owner TO worker_app"),
    ("postgres", "GRANT worker_owner TO worker_migrator WITH ADMIN OPTION"),
    ("postgres", "GRANT TEMPORARY ON DATABASE worker_db TO api_app"),
    ("postgres", "GRANT CONNECT ON DATABASE predict_db TO worker_app"),
    ("postgres", "ALTER ROLE api_app IN DATABASE worker_db SET role = 'worker_owner'"),
    ("worker_db", "GRANT INSERT, TRUNCATE ON items TO api_app"),
    ("worker_db", "GRANT USAGE ON SCHEMA archive TO predict_app"),
    ("worker_db", "GRANT SELECT ON archive.old_items TO predict_app"),
    ("worker_db", "GRANT UPDATE ON archive.numbers TO worker_app"),
    (
      "worker_db",
      "ALTER DEFAULT PRIVILEGES FOR ROLE worker_owner GRANT DELETE ON TABLES TO api_app"
    ),
    (
      "worker_db",
      "ALTER DEFAULT PRIVILEGES FOR ROLE worker_migrator IN SCHEMA archive "
        + "GRANT SELECT ON TABLES TO scheduler"
    ),
  ]

  @Test(arguments: PostgresServer.installations)
  func reapplyingAChangedModelEqualsAFreshInitOfIt(binaries: PostgresBinaries) throws {
    let old = try initialisedCluster(binaries)
    defer { old.remove() }
    let newFolder = try TestInitFolders.render(
      Self.changedModel,
      into: old.root,
      name: "initdb-changed"
    )

    try expectReapplied(newFolder, to: old)
    let fresh = try initialisedCluster(binaries, folder: newFolder)
    defer { fresh.remove() }

    expectEqual(
      try CatalogSnapshot.take(old),
      try CatalogSnapshot.take(fresh),
      "re-applied old cluster against a fresh init of the changed model"
    )
  }

  /// Kivoll with a new read-only grant, a removed grant, a new database and a former
  /// migrator that now only reads.
  static var changedModel: PermissionModel {
    var model = PermissionModel.kivoll
    let worker = model.databases.firstIndex { $0.name == "worker_db" }!
    let predict = model.databases.firstIndex { $0.name == "predict_db" }!

    model.databases[worker].grants.append(DatabaseGrant("predict_app", .readOnly))
    model.databases[predict].grants.removeAll { $0.role == "api_app" }
    let userdata = model.databases.firstIndex { $0.name == "userdata_db" }!
    let migrator = model.databases[userdata].grants.firstIndex { $0.role == "api_migrator" }!
    model.databases[userdata].grants[migrator].profile = .readOnly
    model.databases.append(
      Database(
        name: "audit_db",
        owner: "api_owner",
        summary: "audit trail",
        grants: [DatabaseGrant("api_migrator", .migrator), DatabaseGrant("worker_app", .readOnly)]
      )
    )
    return model
  }
}
