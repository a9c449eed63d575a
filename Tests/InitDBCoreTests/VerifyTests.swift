import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Runs `initdb-gen verify`'s engine on every PostgreSQL major found: the committed
/// `local/initdb` must pass the whole access matrix, the self-test and the migration
/// fixture on each.
@Suite(PostgresServer.trait)
struct VerifyTests {
  private static let initFolder = GoldenFiles.repositoryRoot.appendingPathComponent(
    "local/initdb"
  )

  @Test func saysWhichMajorsRun() {
    guard PostgresServer.available() else { return }
    let majors = PostgresServer.installations.map { "\($0.major) (\($0.version))" }

    print("verify runs on PostgreSQL \(majors.joined(separator: ", "))")
    #expect(!majors.isEmpty)
  }

  @Test(arguments: PostgresServer.installations)
  func theKivollFolderPassesTheWholeMatrix(binaries: PostgresBinaries) throws {
    let started = Date()
    let verifier = Verifier(
      model: .kivoll,
      binaries: binaries,
      initFolder: Self.initFolder,
      environment: try VerifyPasswords.environment(model: .kivoll, files: [])
    )
    defer { verifier.removeCluster() }

    let report = try verifier.run()
    print(
      "verify on PostgreSQL \(binaries.version): \(report.summary) in "
        + String(format: "%.1f s", Date().timeIntervalSince(started))
    )

    #expect(report.passed, "\(report.failures.map(describe).joined(separator: "\n"))")
    let loginRoles = PermissionModel.kivoll.roles.filter(\.canLogin).count
    let databases = PermissionModel.kivoll.databases.count
    #expect(report.checks.filter { $0.action == "CONNECT" }.count == loginRoles * databases)
    #expect(report.checks.filter { $0.action == "log in (NOLOGIN role)" }.count == 3)
    #expect(report.checks.filter { $0.action == "apply the migration fixture" }.count == databases)
    #expect(report.checks.count > 400)
  }

  @Test func theMigrationFixtureServesEachProfile() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let verifier = Verifier(
      model: .kivoll,
      binaries: binaries,
      initFolder: Self.initFolder,
      environment: KivollPasswords.hostile
    )
    defer { verifier.removeCluster() }

    let report = try verifier.run()
    func outcome(_ role: String, _ database: String, _ query: String) -> String? {
      report.checks.first {
        $0.role == role && $0.database == database && $0.action == "query: \(query)"
      }?.actual
    }

    #expect(report.passed, "\(report.failures.map(describe).joined(separator: "\n"))")
    // read-write
    #expect(outcome("api_app", "jobs_db", "insert an order (identity key, enum)") == "allowed")
    #expect(outcome("api_app", "jobs_db", "insert into a second schema") == "allowed")
    // select-update
    #expect(outcome("worker_app", "jobs_db", "update an order") == "allowed")
    #expect(outcome("worker_app", "jobs_db", "delete an order") == "denied")
    // read-only
    #expect(outcome("api_app", "worker_db", "select orders joined through the view") == "allowed")
    #expect(outcome("api_app", "worker_db", "insert a customer (serial key)") == "denied")
  }

  private func describe(_ check: AccessCheck) -> String {
    "\(check.role) \(check.database) \(check.action): expected \(check.expected), "
      + "got \(check.actual)"
  }
}
