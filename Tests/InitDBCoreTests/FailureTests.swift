import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Failures on a real server change nothing: missing passwords stop the init before
/// any change, a failing statement rolls its file back and names where it failed, and
/// a half-made cluster never gets the completion record that the healthcheck needs.
@Suite(PostgresServer.trait)
struct FailureTests {
  private static let passwordVariables = KivollPasswords.plain.keys.sorted()

  /// Roles, databases and completion records that init made, as one line each.
  private func leftovers(_ cluster: ScratchCluster) throws -> String {
    try cluster.admin(
      """
      SELECT count(*) FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> 'postgres';
      SELECT count(*) FROM pg_database WHERE datname LIKE '%\\_db';
      SELECT to_regclass('initdb_gen.completion') IS NOT NULL;
      """
    ).output
  }

  private func initFailure(_ error: any Error) -> String? {
    guard case VerifyError.initFailed(let output) = error else { return nil }
    return output
  }

  /// The line of `file` that the roles file's error names: psql's `<stdin>` line plus
  /// the offset that `sql_failed` reports.
  private func failedLine(in output: String, of file: URL) throws -> String {
    let psqlLine = try #require(output.firstMatch(of: /psql:<stdin>:(\d+):/)?.1)
    let offset = try #require(output.firstMatch(of: /is line (\d+)\+N of 010-roles\.sh/)?.1)
    let lines = try String(contentsOf: file, encoding: .utf8).split(
      separator: "\n",
      omittingEmptySubsequences: false
    )
    let number = try #require(Int(psqlLine)) + (try #require(Int(offset)))
    return String(lines[number - 1])
  }

  @Test(arguments: passwordVariables, [false, true])
  func aMissingPasswordStopsTheInitBeforeAnyChange(variable: String, empty: Bool) throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }
    var environment = KivollPasswords.plain
    environment[variable] = empty ? "" : nil

    var output = ""
    #expect {
      try cluster.runFirstStart(initFolder: TestInitFolders.committed, environment: environment)
    } throws: { error in
      output = initFailure(error) ?? ""
      return !output.isEmpty
    }

    let errors = output.split(separator: "\n").filter { $0.hasPrefix("error: 010-roles.sh") }
    #expect(errors.contains { $0.contains(variable) }, "\(output)")
    for other in Self.passwordVariables where other != variable {
      #expect(!errors.contains { $0.contains(other) }, "\(other) named as missing: \(errors)")
    }
    try cluster.startWithPasswords()
    #expect(try leftovers(cluster) == "0\n0\nf\n")
  }

  @Test func aFailingStatementInTheRolesFileLeavesNoRole() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }
    let folder = try TestInitFolders.copy(
      TestInitFolders.committed,
      into: cluster.root,
      name: "initdb-failing",
      injecting: #"GRANT "no_such_role" TO "api_app";"#,
      in: "010-roles.sh",
      before: "-- predict_app:"
    )

    var output = ""
    #expect {
      try cluster.runFirstStart(initFolder: folder, environment: KivollPasswords.plain)
    } throws: { error in
      output = initFailure(error) ?? ""
      return !output.isEmpty
    }

    #expect(output.contains(#"role "no_such_role" does not exist"#), "\(output)")
    #expect(output.contains("rolled back"), "\(output)")
    #expect(
      try failedLine(in: output, of: folder.appendingPathComponent("010-roles.sh"))
        == #"GRANT "no_such_role" TO "api_app";"#,
      "the error leads to the failed line: \(output)"
    )
    try cluster.startWithPasswords()
    #expect(try leftovers(cluster) == "0\n0\nf\n", "api_app and api_owner came before the error")
  }

  @Test func aFailingStatementInADatabaseFileChangesNothingThere() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }
    try cluster.runFirstStart(
      initFolder: TestInitFolders.committed,
      environment: KivollPasswords.plain
    )
    try cluster.startWithPasswords()
    try TestInitFolders.migrate(cluster, passwords: KivollPasswords.plain)
    let before = try CatalogSnapshot.take(cluster)
    let record = try cluster.admin("SELECT fingerprint FROM initdb_gen.completion").output

    // The changed model differs in worker_db alone: every file before it re-applies
    // as a no-op, and the failure comes after its revokes and its first grants.
    var model = PermissionModel.kivoll
    let worker = try #require(model.databases.firstIndex { $0.name == "worker_db" })
    model.databases[worker].grants.removeAll { $0.role == "api_app" }
    model.databases[worker].grants.append(DatabaseGrant("predict_app", .readOnly))
    let changed = try TestInitFolders.render(model, into: cluster.root, name: "initdb-changed")
    let folder = try TestInitFolders.copy(
      changed,
      into: cluster.root,
      name: "initdb-failing",
      injecting: #"GRANT SELECT ON "items" TO "no_such_role";"#,
      in: "104-worker_db.sql",
      before: "-- worker_app: read-write"
    )

    let result = try TestInitFolders.reapply(folder, to: cluster, passwords: KivollPasswords.plain)
    #expect(!result.succeeded)
    let output = result.output + result.errorOutput
    #expect(output.contains("104-worker_db.sql:"), "the error names the file: \(output)")
    #expect(output.contains(#"role "no_such_role" does not exist"#), "\(output)")
    #expect(output.contains(#"TO "no_such_role""#), "the failed statement is shown: \(output)")

    #expect(try CatalogSnapshot.take(cluster) == before)
    #expect(try cluster.admin("SELECT fingerprint FROM initdb_gen.completion").output == record)
  }

  @Test func theHealthcheckPassesOnlyOnceTheInitCompleted() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }
    let committed = TestInitFolders.committed
    let failing = try TestInitFolders.copy(
      committed,
      into: cluster.root,
      name: "initdb-failing",
      injecting: #"GRANT SELECT ON "items" TO "no_such_role";"#,
      in: "104-worker_db.sql",
      before: "-- worker_app: read-write"
    )

    #expect(throws: VerifyError.self) {
      try cluster.runFirstStart(initFolder: failing, environment: KivollPasswords.plain)
    }
    try cluster.startWithPasswords()
    #expect(try leftovers(cluster).hasSuffix("f\n"), "a half-made cluster has no record")
    let halfMade = try ComposeHealthcheck.run(initFolder: committed, cluster: cluster)
    #expect(!halfMade.succeeded, "healthy after a failed init: \(halfMade.output)")

    // Recovery without removing the volume: re-applying the folder completes the init.
    let reapplied = try TestInitFolders.reapply(
      committed,
      to: cluster,
      passwords: KivollPasswords.plain
    )
    try #require(reapplied.succeeded, "\(reapplied.errorOutput)")
    let healthy = try ComposeHealthcheck.run(initFolder: committed, cluster: cluster)
    #expect(healthy.succeeded, "\(healthy.output)\(healthy.errorOutput)")

    let other = try TestInitFolders.render(
      ConvergenceTests.changedModel,
      into: cluster.root,
      name: "initdb-other"
    )
    let stale = try ComposeHealthcheck.run(initFolder: other, cluster: cluster)
    #expect(!stale.succeeded, "healthy with a record that another folder made")
  }
}
