import Foundation

/// The script that reproduces the official image's first start.
enum FirstStartScript {
  /// Copies the script into a folder that the server's OS user can read and run.
  ///
  /// - Returns: The installed script's location.
  static func install(in folder: URL) throws -> URL {
    guard let bundled = Bundle.module.url(forResource: "first-start", withExtension: "sh") else {
      throw VerifyError.serverFailed(step: "find first-start.sh", output: "not bundled")
    }
    let target = folder.appendingPathComponent("first-start.sh")

    try? FileManager.default.removeItem(at: target)
    try FileManager.default.copyItem(at: bundled, to: target)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
    return target
  }
}
