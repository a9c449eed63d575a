import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Runs `initdb-gen hash-password` end to end, then gives its verifiers to the init
/// instead of passwords and logs in with the plaintext on a real PostgreSQL.
@Suite struct HashPasswordTests {
  private static let binary = GoldenFiles.repositoryRoot
    .appendingPathComponent(".build/debug/initdb-gen").path

  private func hashPassword(_ arguments: [String] = [], input: String?) throws -> ProcessResult {
    try ProcessRunner.run(Self.binary, ["hash-password"] + arguments, input: input)
  }

  @Test func printsOneFreshlySaltedVerifierAndNothingElse() throws {
    let first = try hashPassword(input: "correct horse\n")
    let second = try hashPassword(input: "correct horse\n")

    #expect(first.status == 0 && first.errorOutput.isEmpty, "\(first.errorOutput)")
    #expect(first.output.hasPrefix("SCRAM-SHA-256$4096:") && first.output.hasSuffix("\n"))
    let verifier = String(first.output.dropLast())
    #expect(SCRAMVerifier.isVerifier(verifier) && !verifier.contains("\n"))
    #expect(first.output != second.output, "two verifiers share a salt")
  }

  @Test(arguments: [
    ("pw\n", "pw"), ("pw", "pw"), ("pw\r\n", "pw\r"), ("two\nlines\n", "two\nlines"),
    ("größe 🐘\n", "größe 🐘"),
  ])
  func hashesTheInputWithoutOneTrailingNewline(input: String, password: String) throws {
    let result = try hashPassword(input: input)
    let verifier = String(result.output.dropLast())

    // Recomputed with the verifier's own salt, the expected password gives the same text.
    let fields = verifier.split(separator: "$")[1].split(separator: ":")
    let salt = try #require(Data(base64Encoded: String(fields[1])))
    #expect(verifier == SCRAMVerifier(password: password, salt: [UInt8](salt)).text)
  }

  @Test func honoursTheIterationCount() throws {
    let result = try hashPassword(["--iterations=5000"], input: "pw")
    #expect(result.output.hasPrefix("SCRAM-SHA-256$5000:"))
  }

  @Test(arguments: [
    ("", "no password on standard input"), ("\n", "no password on standard input"),
    ("pw\n\n", "ends with a newline"), ("p\u{0}w", "NUL"),
  ])
  func refusesAPasswordNoLoginCouldType(input: String, message: String) throws {
    let result = try hashPassword(input: input)

    #expect(result.status == 1)
    #expect(result.output.isEmpty)
    #expect(result.errorOutput.hasPrefix("error: ") && result.errorOutput.contains(message))
  }

  @Test(arguments: [
    ["secret"], ["--password", "secret"], ["--iterations", "4095"],
    ["--iterations", "many"], ["--iterations", "2147483648"],
  ])
  func refusesPasswordsAsArgumentsAndBadCounts(arguments: [String]) throws {
    let result = try hashPassword(arguments, input: "pw")

    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(result.errorOutput.contains("See 'initdb-gen --help' for more information."))
  }

  @Test(PostgresServer.trait)
  func aVerifierFromTheCommandLetsTheRoleLogInWithThePlaintext() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }

    var verifiers: [String: String] = [:]
    for (variable, password) in KivollPasswords.hostile {
      let result = try hashPassword(input: password + "\n")
      try #require(result.succeeded, "\(variable): \(result.errorOutput)")
      verifiers[variable] = String(result.output.dropLast())
    }
    try cluster.runFirstStart(
      initFolder: GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb"),
      environment: verifiers
    )
    try cluster.startWithPasswords()

    for role in PermissionModel.kivoll.roles where role.canLogin {
      let variable = try #require(role.passwordVariable)
      let login = try cluster.psql(
        user: role.name,
        password: KivollPasswords.hostile[variable],
        database: "postgres",
        sql: "SELECT current_user"
      )
      #expect(login.output == "\(role.name)\n", "\(role.name): \(login.errorOutput)")

      let stored = try cluster.admin(
        "SELECT rolpassword FROM pg_authid WHERE rolname = '\(role.name)'"
      )
      #expect(stored.output == verifiers[variable].map { $0 + "\n" }, "\(role.name)")
    }
  }
}
