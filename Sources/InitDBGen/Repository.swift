import Foundation

/// The initdb-gen repository that holds the working directory.
struct Repository {
  /// The repository's top folder, the one with initdb-gen's Package.swift.
  let root: URL

  /// Finds the repository from a folder inside it, walking up to the file system root.
  ///
  /// - Parameter start: Where to start, usually the working directory.
  /// - Returns: The repository, or `nil` when no enclosing folder is initdb-gen's.
  static func enclosing(_ start: URL) -> Repository? {
    var folder = start.standardizedFileURL

    while true {
      if isPackageRoot(folder) {
        return Repository(root: folder)
      }
      let parent = folder.deletingLastPathComponent()
      guard parent.path != folder.path else { return nil }
      folder = parent
    }
  }

  /// The folder that the image mounts at /docker-entrypoint-initdb.d.
  var initFolder: URL {
    root.appendingPathComponent("local/initdb")
  }

  private static func isPackageRoot(_ folder: URL) -> Bool {
    let manifest = folder.appendingPathComponent("Package.swift")
    guard let data = FileManager.default.contents(atPath: manifest.path) else { return false }
    return String(decoding: data, as: UTF8.self).contains("name: \"initdb-gen\"")
  }
}
