import Foundation

/// The generated artifacts of a repository, compared with or written to disk.
public struct ArtifactSet: Sendable {
  /// The repository's top folder; artifact paths are relative to it.
  public let root: URL

  /// The artifacts.
  public let artifacts: [Artifact]

  /// Makes a set; nothing is read yet.
  public init(root: URL, artifacts: [Artifact]) {
    self.root = root
    self.artifacts = artifacts
  }

  /// Compares every artifact with its file.
  ///
  /// - Returns: One difference per stale artifact, named by its path, in path order;
  ///   a changed one carries a unified diff from disk to rendering.
  /// - Throws: `InitDBError.unreadableFile`, or `.missingMarkers` for a region whose
  ///   file lacks its markers.
  public func differences() throws -> [FileDifference] {
    try artifacts.compactMap(difference).sorted { $0.name < $1.name }
  }

  /// Writes every stale artifact, each file replaced atomically.
  ///
  /// Every artifact is rendered and compared before the first write, so that a file
  /// lacking its markers stops the command with nothing written.
  ///
  /// - Returns: What the writes resolved.
  /// - Throws: What `differences()` throws, or `InitDBError.unwritableOutput`.
  @discardableResult
  public func write() throws -> [FileDifference] {
    let stale = try artifacts.compactMap { artifact in
      try difference(artifact).map { (artifact, $0, try expected(artifact)) }
    }

    for (artifact, _, content) in stale {
      try replace(url(artifact), with: content, path: artifact.path)
    }
    return stale.map(\.1).sorted { $0.name < $1.name }
  }

  private func url(_ artifact: Artifact) -> URL {
    root.appendingPathComponent(artifact.path)
  }

  private func current(_ artifact: Artifact) throws -> String? {
    let path = url(artifact).path
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InitDBError.unreadableFile(path: artifact.path, reason: "permission denied")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The file's content as the model renders it.
  private func expected(_ artifact: Artifact) throws -> String {
    switch artifact.content {
    case .file(let text):
      return text
    case .region(let name, let text):
      guard let current = try current(artifact) else {
        throw InitDBError.missingMarkers(file: artifact.path, region: name)
      }
      return try MarkedRegion.splice(current, name: name, text: text, file: artifact.path)
    }
  }

  private func difference(_ artifact: Artifact) throws -> FileDifference? {
    guard let current = try current(artifact) else {
      if case .region(let name, _) = artifact.content {
        throw InitDBError.missingMarkers(file: artifact.path, region: name)
      }
      return FileDifference(name: artifact.path, kind: .missing)
    }
    let diff = UnifiedDiff.make(
      old: current,
      new: try expected(artifact),
      oldName: "a/\(artifact.path)",
      newName: "b/\(artifact.path)"
    )
    return diff.map { FileDifference(name: artifact.path, kind: .changed(diff: $0)) }
  }

  /// Writes a temporary file beside the target and renames it into place, so a reader
  /// sees the old file or the new one, never half of either; the mode is kept.
  private func replace(_ target: URL, with content: String, path: String) throws {
    let manager = FileManager.default
    let temporary = target.deletingLastPathComponent()
      .appendingPathComponent(".\(target.lastPathComponent).initdb-gen-\(getpid())")
    defer { try? manager.removeItem(at: temporary) }

    do {
      try manager.createDirectory(
        at: target.deletingLastPathComponent(),
        withIntermediateDirectories: true
      )
      let mode = (try? manager.attributesOfItem(atPath: target.path))?[.posixPermissions]
      try Data(content.utf8).write(to: temporary)
      try manager.setAttributes([.posixPermissions: mode ?? 0o644], ofItemAtPath: temporary.path)
      guard rename(temporary.path, target.path) == 0 else {
        throw InitDBError.unwritableOutput(
          path: path,
          reason: "rename failed: \(String(cString: strerror(errno)))"
        )
      }
    } catch let error as InitDBError {
      throw error
    } catch {
      throw InitDBError.unwritableOutput(path: path, reason: error.localizedDescription)
    }
  }
}
