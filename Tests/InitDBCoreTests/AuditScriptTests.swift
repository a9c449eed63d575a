import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Runs the committed `local/audit.sql` against a server that `local/initdb` set up,
/// before and after privileges are changed by hand.
@Suite(PostgresServer.trait)
struct AuditScriptTests {
  private let initFolder = GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")
  private let auditScript = GoldenFiles.repositoryRoot.appendingPathComponent("local/audit.sql")

  private func withInitialisedCluster(
    _ binaries: PostgresBinaries? = PostgresServer.newest,
    _ body: (ScratchCluster) throws -> Void
  ) throws {
    guard PostgresServer.available(), let binaries else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }

    try cluster.runFirstStart(initFolder: initFolder, environment: KivollPasswords.plain)
    try cluster.startWithPasswords()
    try body(cluster)
  }

  private func audit(_ cluster: ScratchCluster) throws -> ProcessResult {
    try cluster.admin(try String(contentsOf: auditScript, encoding: .utf8))
  }

  /// The lines that name a difference: everything but the script's closing summary.
  private func differences(_ result: ProcessResult) -> [String] {
    result.output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("audit.sql:") }
  }

  /// On every major: the catalogs differ between them (schema public on 14, membership
  /// options from 16, MAINTAIN from 17), and none of that may read as drift.
  @Test(arguments: PostgresServer.installations)
  func aCleanInitMatchesTheModel(binaries: PostgresBinaries) throws {
    try withInitialisedCluster(binaries) { cluster in
      // A migration's tables must not count as drift: they get the model's grants.
      let migrate = try cluster.psql(
        user: "worker_migrator",
        password: KivollPasswords.plain["WORKER_MIGRATOR_PASSWORD"],
        database: "worker_db",
        sql: "CREATE TABLE jobs (id serial PRIMARY KEY); CREATE SCHEMA archive;"
          + "CREATE TABLE archive.old_jobs (id integer);"
      )
      #expect(migrate.succeeded, "\(migrate.errorOutput)")

      let result = try audit(cluster)

      #expect(result.status == 0, "\(result.output)\(result.errorOutput)")
      #expect(differences(result) == [], "\(result.output)")
      #expect(result.output.contains("audit.sql: the server matches the kivoll model"))
    }
  }

  @Test func manualGrantsAndRevokesAreReportedAndFail() throws {
    try withInitialisedCluster { cluster in
      let migrate = try cluster.psql(
        user: "worker_migrator",
        password: KivollPasswords.plain["WORKER_MIGRATOR_PASSWORD"],
        database: "worker_db",
        sql: "CREATE TABLE jobs (id serial PRIMARY KEY);"
      )
      #expect(migrate.succeeded, "\(migrate.errorOutput)")
      let change = try cluster.admin(
        """
        GRANT DELETE ON public.jobs TO api_app;
        REVOKE UPDATE ON public.jobs FROM worker_app;
        GRANT CONNECT ON DATABASE worker_db TO predict_app;
        REVOKE CONNECT ON DATABASE jobs_db FROM worker_app;
        ALTER DEFAULT PRIVILEGES FOR ROLE worker_owner GRANT TRUNCATE ON TABLES TO api_app;
        REVOKE worker_owner FROM worker_migrator;
        ALTER ROLE api_app CREATEDB;
        """,
        database: "worker_db"
      )
      #expect(change.succeeded, "\(change.errorOutput)")

      let result = try audit(cluster)

      #expect(result.status == 3, "\(result.output)\(result.errorOutput)")
      #expect(result.errorOutput.contains("the server differs from the model"))
      #expect(
        differences(result).sorted() == [
          "database jobs_db: worker_app lacks CONNECT, which the model grants",
          "database worker_db: predict_app has CONNECT, which the model does not grant",
          "membership worker_migrator in worker_owner: missing",
          "role api_app: CREATEDB, the model says NOCREATEDB",
          "worker_db: default privileges of worker_owner on tables: api_app has TRUNCATE, "
            + "which the model does not grant",
          "worker_db: table public.jobs: api_app has DELETE, which the model does not grant",
          "worker_db: table public.jobs: worker_app lacks UPDATE, which the model grants",
        ]
      )
      #expect(result.output.contains("audit.sql: 7 difference(s) from the kivoll model"))
    }
  }

  @Test func theScriptChangesNothing() throws {
    let script = try String(contentsOf: auditScript, encoding: .utf8)
    let statements = script.split(separator: "\n").filter {
      let line = $0.trimmingCharacters(in: .whitespaces).uppercased()
      return ["GRANT ", "REVOKE ", "ALTER ", "CREATE ", "DROP ", "INSERT ", "UPDATE ", "DELETE "]
        .contains { line.hasPrefix($0) }
    }
    #expect(statements.isEmpty, "\(statements)")
    #expect(script.contains("BEGIN READ ONLY;"))
  }
}

extension PostgresBinaries: CustomTestStringConvertible {
  /// Names the major in test results, for example `PostgreSQL 14.22`.
  public var testDescription: String { "PostgreSQL \(version)" }
}
