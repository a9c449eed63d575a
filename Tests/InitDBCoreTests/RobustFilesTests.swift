import Foundation
import Testing

@testable import InitDBVerify

/// The generated files survive git and editors: LF line endings and run bits are kept
/// on every checkout, and `initdb-gen --check` catches any change made by hand.
@Suite struct RobustFilesTests {
  private static let root = GoldenFiles.repositoryRoot

  private func git(_ arguments: [String]) throws -> ProcessResult {
    try ProcessRunner.run("git", ["-C", Self.root.path] + arguments)
  }

  private func initdbGen(_ arguments: [String]) throws -> ProcessResult {
    try ProcessRunner.run(
      Self.root.appendingPathComponent(".build/debug/initdb-gen").path,
      arguments
    )
  }

  @Test func gitKeepsTheInitFolderLFAndTheShellFilesRunnable() throws {
    let files = try git(["ls-files", "-s", "local/initdb"])
    try #require(files.succeeded, "not a git checkout: \(files.errorOutput)")

    // Each line is "MODE OBJECT STAGE<TAB>PATH".
    let entries = files.output.split(separator: "\n").map { line in
      (mode: String(line.prefix(6)), path: String(line.split(separator: "\t").last ?? ""))
    }
    #expect(entries.count > 1)
    for (mode, path) in entries {
      let expected = path.hasSuffix(".sh") ? "100755" : "100644"
      #expect(mode == expected, "\(path) is \(mode) in git, not \(expected)")

      let attributes = try git(["check-attr", "eol", "text", "--", path]).output
      #expect(
        attributes.contains("eol: lf") && attributes.contains("text: set"),
        "\(attributes)"
      )
    }
  }

  @Test func checkCatchesALostRunBitAndCRLFLineEndings() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-robust-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try initdbGen(["--output", folder.path])

    let roles = folder.appendingPathComponent("010-roles.sh")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: roles.path)
    let database = folder.appendingPathComponent("104-worker_db.sql")
    let text = try String(contentsOf: database, encoding: .utf8)
    try text.replacingOccurrences(of: "\n", with: "\r\n")
      .write(to: database, atomically: true, encoding: .utf8)

    let check = try initdbGen(["--check", "--output", folder.path])
    #expect(check.status == 1)
    #expect(check.errorOutput.contains("010-roles.sh: run bit should be set"))
    #expect(check.errorOutput.contains("104-worker_db.sql: content differs"))
    #expect(check.errorOutput.contains("change the model"))

    let repair = try initdbGen(["--output", folder.path])
    #expect(repair.succeeded)
    #expect(FileManager.default.isExecutableFile(atPath: roles.path))
    #expect(try initdbGen(["--check", "--output", folder.path]).succeeded)
  }
}
