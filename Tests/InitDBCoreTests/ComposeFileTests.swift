import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Validates `local/docker-compose.yml` with the real Docker Compose v2 binary and
/// checks that the db service receives every variable that init reads.
///
/// `INITDB_GEN_COMPOSE` names the binary (scripts/install-compose.sh prints it); the
/// tests are skipped without it, unless `INITDB_GEN_REQUIRE_COMPOSE=1` (set by CI).
@Suite(ComposeBinary.trait)
struct ComposeFileTests {
  /// A copy of local/ with env files made from the examples, removed afterwards.
  private func withLocalCopy(_ body: (URL) throws -> Void) throws {
    let manager = FileManager.default
    let copy = manager.temporaryDirectory.appendingPathComponent("initdb-gen-compose-\(UUID())")
    defer { try? manager.removeItem(at: copy) }

    try manager.copyItem(at: GoldenFiles.repositoryRoot.appendingPathComponent("local"), to: copy)
    for name in try manager.contentsOfDirectory(atPath: copy.path)
    where name.hasPrefix(".env.") && name.hasSuffix(".example") {
      try manager.copyItem(
        at: copy.appendingPathComponent(name),
        to: copy.appendingPathComponent(String(name.dropLast(".example".count)))
      )
    }
    try body(copy)
  }

  private func config(in folder: URL) throws -> ProcessResult {
    let binary = try #require(
      ComposeBinary.path,
      "INITDB_GEN_REQUIRE_COMPOSE=1 needs INITDB_GEN_COMPOSE"
    )
    return try ProcessRunner.run(
      "/bin/sh",
      ["-c", "cd \"$1\" && exec \"$2\" config --format json", "sh", folder.path, binary]
    )
  }

  private func environment(of service: String, in output: String) throws -> Set<String> {
    let document = try JSONSerialization.jsonObject(with: Data(output.utf8))
    let services = (document as? [String: Any])?["services"] as? [String: Any]
    let variables = (services?[service] as? [String: Any])?["environment"] as? [String: Any]
    return Set(try #require(variables, "no environment for \(service)").keys)
  }

  @Test func composeAcceptsTheFileAndGivesTheDatabaseEveryPassword() throws {
    try withLocalCopy { folder in
      let result = try config(in: folder)
      #expect(result.status == 0, "\(result.errorOutput)")

      let database = try environment(of: "db", in: result.output)
      let needed = Set(PermissionModel.kivoll.passwordVariables)
        .union(["POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"])
      #expect(needed.subtracting(database).isEmpty, "db lacks \(needed.subtracting(database))")

      let worker = try environment(of: "worker", in: result.output)
      let workerNeeds = Set(PermissionModel.kivoll.passwordVariables(of: "worker"))
        .union(["DB_HOST", "DB_DRIVER"])
      #expect(worker == workerNeeds)
    }
  }

  @Test func composeRejectsAMissingEnvFile() throws {
    try withLocalCopy { folder in
      try FileManager.default.removeItem(at: folder.appendingPathComponent(".env.api"))

      let result = try config(in: folder)

      #expect(result.status != 0)
      #expect(result.errorOutput.contains(".env.api"), "\(result.errorOutput)")
    }
  }
}

/// The Docker Compose v2 binary that the tests run, if any.
enum ComposeBinary {
  static let path = ProcessInfo.processInfo.environment["INITDB_GEN_COMPOSE"]
    .flatMap { $0.isEmpty ? nil : $0 }

  static let trait = ConditionTrait.enabled(
    if: path != nil || ProcessInfo.processInfo.environment["INITDB_GEN_REQUIRE_COMPOSE"] == "1",
    "no docker-compose binary: set INITDB_GEN_COMPOSE (scripts/install-compose.sh prints one)"
  )
}
