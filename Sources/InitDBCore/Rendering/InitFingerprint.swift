/// The fingerprint that the completion record stores: which init folder made a cluster.
///
/// It is the SHA-256 of the files' contents concatenated in run order, so an
/// administrator can recompute it with `cat FILES | sha256sum`, and the healthcheck
/// can compare the record with the folder mounted now. It names a folder; it is not a
/// signature: whoever can change the folder can change the record too.
enum InitFingerprint {
  /// The fingerprint of files, in the order given.
  ///
  /// - Parameter files: The files that run before the completion record.
  /// - Returns: `sha256:` and 64 lowercase hexadecimal digits.
  static func of(_ files: [RenderedFile]) -> String {
    var hasher = SHA256()
    for file in files {
      hasher.update(Array(file.content.utf8))
    }
    let hex = hasher.finalize().map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }
    return "sha256:" + hex.joined()
  }
}
