import Foundation
import Testing

@testable import InitDBVerify

/// Environment files are read as Docker Compose reads them.
@Suite struct EnvironmentFileTests {
  @Test func readsCommentsQuotesAndExports() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-env-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    # a comment

    PLAIN=simple value # trailing comment
    export EXPORTED=yes
    SINGLE='it is $HOME # kept'
    DOUBLE="say \\"hi\\" \\\\ there"
    DOLLARS=a$$b
    REFERENCE=${PLAIN}!
    """.write(to: file, atomically: true, encoding: .utf8)

    let variables = try EnvironmentFile.read(file.path)

    #expect(variables["PLAIN"] == "simple value")
    #expect(variables["EXPORTED"] == "yes")
    #expect(variables["SINGLE"] == "it is $HOME # kept")
    #expect(variables["DOUBLE"] == #"say "hi" \ there"#)
    #expect(variables["DOLLARS"] == "a$b")
    #expect(variables["REFERENCE"] == "simple value!")
  }

  @Test func aLineWithoutEqualsIsAnError() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-env-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    try "GOOD=1\nnot a variable\n".write(to: file, atomically: true, encoding: .utf8)

    #expect(
      throws: VerifyError.unreadableEnvironmentFile(
        path: file.path,
        reason: "line 2 is not KEY=VALUE"
      )
    ) {
      try EnvironmentFile.read(file.path)
    }
  }

  @Test func randomPasswordsCarryHostileCharacters() {
    let password = VerifyPasswords.random()

    #expect(password.count == 24)
    #expect(password.contains { VerifyPasswords.hostileCharacters.contains($0) })
  }
}
