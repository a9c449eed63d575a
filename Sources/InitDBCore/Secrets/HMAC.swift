/// HMAC-SHA-256, the keyed message authentication code of RFC 2104 over SHA-256.
///
/// The key is absorbed once: a value holds the hashers that have already consumed the key
/// XOR ipad and the key XOR opad blocks, so each further code costs only the hashing of the
/// message. PBKDF2 depends on that to stay fast.
struct HMAC {
  /// A hasher that has consumed the inner padded key, `K XOR ipad`.
  private let inner: SHA256

  /// A hasher that has consumed the outer padded key, `K XOR opad`.
  private let outer: SHA256

  /// Prepares codes under `key`.
  ///
  /// A key longer than a SHA-256 block is replaced by its digest, as RFC 2104 §2 says.
  ///
  /// - Parameter key: The secret key, of any length.
  init(key: some Collection<UInt8>) {
    var block = key.count > SHA256.blockByteCount ? SHA256.hash(key) : Array(key)
    block.append(contentsOf: repeatElement(0, count: SHA256.blockByteCount - block.count))

    var inner = SHA256()
    inner.update(block.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.update(block.map { $0 ^ 0x5c })

    self.inner = inner
    self.outer = outer
  }

  /// Returns the HMAC-SHA-256 of `message` under `key`.
  ///
  /// - Parameters:
  ///   - message: The authenticated bytes.
  ///   - key: The secret key, of any length.
  /// - Returns: The 32-byte code.
  static func authenticationCode(
    for message: some Sequence<UInt8>,
    key: some Collection<UInt8>
  ) -> [UInt8] {
    HMAC(key: key).authenticationCode(for: message)
  }

  /// Returns the HMAC-SHA-256 of `message` under this value's key.
  ///
  /// - Parameter message: The authenticated bytes.
  /// - Returns: The 32-byte code.
  func authenticationCode(for message: some Sequence<UInt8>) -> [UInt8] {
    var innerHasher = inner
    innerHasher.update(message)
    var outerHasher = outer
    outerHasher.update(innerHasher.finalize())
    return outerHasher.finalize()
  }

  /// Replaces a 32-byte message with its code, in place and without allocating.
  ///
  /// - Parameter block: A 64-byte buffer whose first 32 bytes hold the message and receive
  ///   the code; the other 32 bytes are scratch space for padding.
  func authenticateDigestSizedMessage(in block: UnsafeMutableRawBufferPointer) {
    inner.hashDigestSizedMessage(in: block)
    outer.hashDigestSizedMessage(in: block)
  }
}
