import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Runs the built `initdb-gen verify` end to end on the newest PostgreSQL found: the
/// table on stdout, progress and errors on stderr, the exit code, and a broken grant
/// in a hand-edited init folder.
@Suite(PostgresServer.trait)
struct VerifyCommandLineTests {
  private static let binary = GoldenFiles.repositoryRoot
    .appendingPathComponent(".build/debug/initdb-gen").path

  private func verify(_ arguments: [String]) throws -> ProcessResult {
    let binaries = try #require(PostgresServer.newest)
    return try ProcessRunner.run(
      Self.binary,
      ["verify", "--pg-bin", binaries.folder.path] + arguments
    )
  }

  /// A copy of local/initdb with one edit, in a folder that the test removes.
  private func editedFolder(
    _ file: String,
    removing line: String,
    keepSelfTest: Bool
  ) throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-broken-\(UUID().uuidString)")
    let folder = root.appendingPathComponent("initdb")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb"),
      to: folder
    )

    let edited = folder.appendingPathComponent(file)
    let original = try String(contentsOf: edited, encoding: .utf8)
    try #require(original.contains(line), "\(file) has no line \(line)")
    try original.replacingOccurrences(of: line, with: "")
      .write(to: edited, atomically: true, encoding: .utf8)
    if !keepSelfTest {
      try FileManager.default.removeItem(at: folder.appendingPathComponent("900-self-test.sql"))
    }
    return folder
  }

  @Test func passesWithPasswordsFromAnEnvFile() throws {
    guard PostgresServer.available() else { return }
    let envFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-verify-\(UUID().uuidString).env")
    defer { try? FileManager.default.removeItem(at: envFile) }
    let variables = KivollPasswords.plain.sorted { $0.key < $1.key }.map {
      "\($0.key)='\($0.value)'"
    }
    try (["# passwords for verify"] + variables).joined(separator: "\n")
      .write(to: envFile, atomically: true, encoding: .utf8)

    let result = try verify(["--env-file", envFile.path])

    #expect(result.status == 0, "\(result.errorOutput)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("PostgreSQL ") == true)
    #expect(lines.contains { $0.hasPrefix("role ") && $0.contains("expected") })
    #expect(lines.last?.hasSuffix(" passed, 0 failed") == true)
    #expect(!result.output.contains("MISMATCH"))
    #expect(result.errorOutput.contains("initdb-gen verify: checking jobs_db"))
    #expect(!result.errorOutput.contains("error"))
  }

  @Test func aBrokenGrantFailsTheMatrixNamingRoleDatabaseAndAction() throws {
    guard PostgresServer.available() else { return }
    let folder = try editedFolder(
      "100-jobs_db.sql",
      removing: "ALTER DEFAULT PRIVILEGES FOR ROLE \"api_owner\", \"api_migrator\"\n"
        + "  GRANT USAGE ON SEQUENCES TO \"api_app\";\n",
      keepSelfTest: false
    )
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

    let result = try verify(["--initdb", folder.path])

    #expect(result.status == 1)
    #expect(
      result.output.contains(
        "role api_app, database jobs_db, action INSERT (serial) on objects of api_owner: "
          + "expected allowed, got denied"
      ),
      "\(result.output)"
    )
    #expect(result.output.split(separator: "\n").last?.hasSuffix(" failed") == true)
    #expect(!result.output.hasSuffix(" 0 failed"))
  }

  @Test func theSelfTestStopsTheFirstStartOfABrokenFolder() throws {
    guard PostgresServer.available() else { return }
    let folder = try editedFolder(
      "104-worker_db.sql",
      removing: "GRANT CONNECT ON DATABASE \"worker_db\" TO \"api_app\";\n",
      keepSelfTest: true
    )
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

    let result = try verify(["--initdb", folder.path])

    #expect(result.status == 1)
    #expect(result.output.isEmpty)
    #expect(result.errorOutput.contains("error: the init folder failed on first start"))
    #expect(
      result.errorOutput.contains(
        "self-test: role api_app, database worker_db, action CONNECT: denied but the model "
          + "says allowed"
      ),
      "\(result.errorOutput)"
    )
  }

  @Test(arguments: [["--bogus"], ["--pg-bin"], ["--keep=yes"], ["stray"]])
  func badArgumentsExitWithUsage(arguments: [String]) throws {
    let result = try ProcessRunner.run(Self.binary, ["verify"] + arguments)

    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(result.errorOutput.hasPrefix("error: "))
    #expect(result.errorOutput.contains("initdb-gen verify [--pg-bin DIR]"))
  }

  @Test func helpDescribesVerify() throws {
    let result = try ProcessRunner.run(Self.binary, ["verify", "--help"])

    #expect(result.status == 0)
    #expect(result.output.contains("Usage: initdb-gen verify"))
    #expect(result.output.contains("Exit codes:"))
  }
}
