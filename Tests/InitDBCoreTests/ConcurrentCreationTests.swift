import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// The databases of `local/initdb` are created by background sessions that one later
/// file waits for: a failure in any of them must fail the init, name every failed
/// file, and keep every failed session's errors.
@Suite(PostgresServer.trait)
struct ConcurrentCreationTests {
  private let initFolder = GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")

  /// The sessions' folder has a predictable name: one that another user made first
  /// (or a link planted there) must stop the init instead of receiving its files.
  @Test(arguments: ["020-create-databases.sh", "090-databases-created.sh"])
  func aStateFolderOfAnotherUserIsRefused(file: String) throws {
    let script = """
      state="/tmp/initdb-gen-kivoll.$$"
      mkdir "$state" && chown nobody "$state"
      status=0
      . "$1" || status=$?
      rm -rf "$state"
      exit "$status"
      """
    let result = try ProcessRunner.run(
      "bash",
      ["-c", script, "bash", initFolder.appendingPathComponent(file).path],
      environment: ["PATH": "/usr/bin:/bin", "TMPDIR": "/tmp"]
    )

    #expect(result.status == 1)
    #expect(result.errorOutput.contains("\(file): /tmp/initdb-gen-kivoll."))
    #expect(result.errorOutput.contains("is not a private folder of this user"))
  }

  @Test(arguments: [true, false])
  func everyFailedSessionIsNamedWithItsErrors(executed: Bool) throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }
    let folder = try copyOfInitFolder(in: cluster.root, executable: executable(executed))

    // Without their owners, the sessions of predict_db and scheduler_db fail while
    // the others succeed.
    try Data(#"DROP ROLE "predict_owner"; DROP ROLE "scheduler";"#.utf8)
      .write(to: folder.appendingPathComponent("015-break.sql"))

    #expect {
      try cluster.runFirstStart(initFolder: folder, environment: KivollPasswords.plain)
    } throws: { error in
      guard case VerifyError.initFailed(let output) = error else { return false }
      return output.contains("021-create-databases.sh failed (it creates predict_db)")
        && output.contains("022-create-databases.sh failed (it creates scheduler_db)")
        && output.contains(#"role "predict_owner" does not exist"#)
        && output.contains(#"role "scheduler" does not exist"#)
        && output.contains(
          "these files failed to create databases: "
            + "021-create-databases.sh 022-create-databases.sh"
        )
        && !output.contains("100-jobs_db.sql")
    }
  }

  @Test(arguments: [true, false])
  func everyDatabaseExistsWhenTheDatabaseFilesRun(executed: Bool) throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }
    let folder = try copyOfInitFolder(in: cluster.root, executable: executable(executed))

    let result = try cluster.runFirstStart(initFolder: folder, environment: KivollPasswords.plain)

    for database in ["jobs_db", "predict_db", "scheduler_db", "userdata_db", "worker_db"] {
      #expect(result.output.contains("create-databases.sh: database \(database) exists"))
    }
    #expect(result.output.contains("090-databases-created.sh: every database exists"))
    #expect(result.output.contains(executed ? "running " : "sourcing "))
    try cluster.startWithPasswords()
    let owners = try cluster.admin(
      """
      SELECT string_agg(datname || ':' || pg_get_userbyid(datdba), ' ' ORDER BY datname)
        FROM pg_database WHERE datname LIKE '%\\_db'
      """
    )
    #expect(
      owners.output.trimmingCharacters(in: .whitespacesAndNewlines)
        == "jobs_db:api_owner predict_db:predict_owner scheduler_db:scheduler "
        + "userdata_db:api_owner worker_db:worker_owner"
    )
  }

  private func executable(_ executed: Bool) -> Int {
    executed ? 0o755 : 0o644
  }

  /// Copies the init folder, giving every file `executable` as its permissions: with
  /// the run bit the image executes a shell file, without it sources it.
  private func copyOfInitFolder(in root: URL, executable: Int) throws -> URL {
    let folder = root.appendingPathComponent("initdb")
    try FileManager.default.copyItem(at: initFolder, to: folder)
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      try FileManager.default.setAttributes(
        [.posixPermissions: executable],
        ofItemAtPath: folder.appendingPathComponent(file).path
      )
    }
    return folder
  }
}
