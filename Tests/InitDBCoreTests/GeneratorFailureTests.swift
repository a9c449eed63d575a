import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

#if canImport(Glibc)
  import Glibc
#endif

/// The generator changes nothing when it fails: an invalid model writes no file, and a
/// read-only or full file system leaves the previous init folder as it was.
///
/// The file-system cases mount a small tmpfs, which needs root (as CI runs); elsewhere
/// they are skipped with a note.
@Suite struct GeneratorFailureTests {
  private func render(_ model: PermissionModel) throws -> [RenderedFile] {
    try Renderer(library: try TemplateLibrary.bundled(), source: .builtIn(model)).render(model)
  }

  /// Every file of a folder with its bytes, and the names beside it (a leftover staging
  /// folder would show there); `filler` is ignored.
  private func contents(of folder: URL) throws -> [String: Data] {
    var contents: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      contents[name] = FileManager.default.contents(
        atPath: folder.appendingPathComponent(name).path
      )
    }
    contents["(beside)"] = Data(
      try FileManager.default.contentsOfDirectory(
        atPath: folder.deletingLastPathComponent().path
      ).filter { $0 != "filler" }.sorted().joined(separator: ",").utf8
    )
    return contents
  }

  @Test func anInvalidModelWritesNothing() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-invalid-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = root.appendingPathComponent("initdb")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try InitFolder(url: folder).write(try render(.kivoll))
    let before = try contents(of: folder)

    var model = PermissionModel.kivoll
    model.databases[0].grants.append(DatabaseGrant("nobody", .readOnly))
    #expect(
      throws: InitDBError.undeclaredRole(name: "nobody", referencedBy: "database 'worker_db'")
    ) {
      try InitFolder(url: folder).write(try render(model))
    }
    #expect(try contents(of: folder) == before)
  }

  @Test(.enabled(if: ScratchMount.isPossible, ScratchMount.skipNote))
  func aFullDiskLeavesThePreviousFolder() throws {
    let mount = try ScratchMount(size: "256k")
    defer { mount.remove() }
    let folder = mount.url.appendingPathComponent("initdb")
    try InitFolder(url: folder).write(try render(.kivoll))
    let before = try contents(of: folder)

    try mount.fill()
    #expect {
      try InitFolder(url: folder).write(try render(ConvergenceTests.changedModel))
    } throws: { error in
      guard case InitDBError.unwritableOutput(_, let reason) = error else { return false }
      return reason.contains("space")
    }
    #expect(try contents(of: folder) == before)
  }

  @Test(.enabled(if: ScratchMount.isPossible, ScratchMount.skipNote))
  func aReadOnlyFileSystemLeavesThePreviousFolder() throws {
    let mount = try ScratchMount(size: "1m")
    defer { mount.remove() }
    let folder = mount.url.appendingPathComponent("initdb")
    try InitFolder(url: folder).write(try render(.kivoll))
    let before = try contents(of: folder)

    try mount.remountReadOnly()
    #expect {
      try InitFolder(url: folder).write(try render(ConvergenceTests.changedModel))
    } throws: { error in
      guard case InitDBError.unwritableOutput = error else { return false }
      return true
    }
    #expect(try contents(of: folder) == before)
  }

  @Test func theCompletionRecordHoldsTheSHA256OfTheFilesBeforeIt() throws {
    let folder = TestInitFolders.committed
    let completion = try String(
      contentsOf: folder.appendingPathComponent("990-completion.sql"),
      encoding: .utf8
    )
    let sum = try ProcessRunner.run(
      "/bin/sh",
      ["-c", "cd \"$1\" && cat $(ls | grep -v completion) | sha256sum", "sh", folder.path]
    )
    let digest = try #require(sum.output.split(separator: " ").first)

    #expect(completion.contains("\\set fingerprint 'sha256:\(digest)'"), "\(sum.output)")
  }
}

/// A small tmpfs mounted for one test, to make a file system full or read-only.
struct ScratchMount {
  let url: URL

  /// Whether this process may mount, found by trying once.
  static let isPossible: Bool = {
    guard getuid() == 0, let probe = try? ScratchMount(size: "64k") else { return false }
    probe.remove()
    return true
  }()

  static let skipNote = Comment(
    rawValue: "mounting a tmpfs needs root (CI runs as root): the full-disk and read-only "
      + "cases are skipped"
  )

  /// Mounts a tmpfs of `size` (as mount(8) takes it, for example `256k`) on a new folder.
  init(size: String) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-mount-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)

    let result = try ProcessRunner.run(
      "mount",
      ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", url.path]
    )
    guard result.succeeded else {
      try? FileManager.default.removeItem(at: url)
      throw ScratchMountError(message: "mount failed: \(result.errorOutput)")
    }
  }

  /// Fills the file system until no byte is left.
  func fill() throws {
    let filler = url.appendingPathComponent("filler")
    _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
    let handle = try FileHandle(forWritingTo: filler)
    defer { try? handle.close() }

    let block = Data(count: 4096)
    while (try? handle.write(contentsOf: block)) != nil {}
    let byte = Data(count: 1)
    while (try? handle.write(contentsOf: byte)) != nil {}
  }

  func remountReadOnly() throws {
    let result = try ProcessRunner.run("mount", ["-o", "remount,ro", url.path])
    guard result.succeeded else {
      throw ScratchMountError(message: "remount failed: \(result.errorOutput)")
    }
  }

  /// Unmounts and removes the folder; never fails.
  func remove() {
    _ = try? ProcessRunner.run("umount", [url.path])
    try? FileManager.default.removeItem(at: url)
  }

  struct ScratchMountError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }
}
