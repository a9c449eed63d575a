import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// What a first start prints is what `docker compose logs db` shows a person: one
/// concise line per role, membership, database and grant, and never a password.
@Suite(PostgresServer.trait)
struct ContainerLogTests {
  @Test func theInitLogsOneLinePerStepAndNoSecret() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }
    let initFolder = GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")

    let result = try cluster.runFirstStart(
      initFolder: initFolder,
      environment: KivollPasswords.hostile
    )

    let log = result.output + result.errorOutput
    for password in KivollPasswords.hostile.values {
      #expect(!log.contains(password), "the log shows a password")
    }
    let steps = log.split(separator: "\n").filter {
      $0.hasPrefix("010-roles.sh: ")
        || $0.range(of: #"^1\d\d-\w+\.sql: "#, options: .regularExpression) != nil
    }
    let model = PermissionModel.kivoll
    let memberships = model.roles.map(\.memberOf.count).reduce(0, +)
    let grants = model.databases.map(\.grants.count).reduce(0, +)
    #expect(steps.count == model.roles.count + memberships + model.databases.count + grants)
    #expect(steps.allSatisfy { $0.count <= 100 }, "\(steps.filter { $0.count > 100 })")
    #expect(steps.contains("104-worker_db.sql: api_app in worker_db: read-only"))
    #expect(
      steps.contains(
        "104-worker_db.sql: worker_migrator in worker_db: migrator, sessions run as worker_owner"
      )
    )
    #expect(
      steps.contains("010-roles.sh: role worker_app: login, password from WORKER_APP_PASSWORD")
    )
  }
}
