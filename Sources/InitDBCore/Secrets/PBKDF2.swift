/// PBKDF2 with HMAC-SHA-256 as its pseudorandom function, as RFC 8018 §5.2 defines it.
///
/// SCRAM calls the result `SaltedPassword` (RFC 5802 §3, there named `Hi`). The loop over
/// the iterations reuses one HMAC value, whose padded key blocks are hashed only once, and
/// one scratch buffer, so 4096 iterations cost 8192 SHA-256 compressions and no
/// allocations.
enum PBKDF2 {
  /// Derives a key from a password and a salt.
  ///
  /// - Parameters:
  ///   - password: The password bytes, already prepared as the caller needs.
  ///   - salt: The salt bytes.
  ///   - iterations: The iteration count `c`, at least 1.
  ///   - keyByteCount: The length `dkLen` of the derived key in bytes, at least 1.
  /// - Returns: The derived key, `keyByteCount` bytes long.
  static func deriveKey(
    password: some Collection<UInt8>,
    salt: some Collection<UInt8>,
    iterations: Int,
    keyByteCount: Int
  ) -> [UInt8] {
    precondition(iterations >= 1, "PBKDF2 needs at least one iteration")
    precondition(keyByteCount >= 1, "PBKDF2 derives at least one byte")

    let function = HMAC(key: password)
    let saltBytes = Array(salt)
    var key: [UInt8] = []
    key.reserveCapacity(keyByteCount + SHA256.digestByteCount)
    var blockIndex: UInt32 = 1
    while key.count < keyByteCount {
      key += block(blockIndex, function: function, salt: saltBytes, iterations: iterations)
      blockIndex += 1
    }
    return Array(key.prefix(keyByteCount))
  }

  /// Computes the block `T_i = U_1 XOR … XOR U_c` of RFC 8018 §5.2 step 3.
  private static func block(
    _ index: UInt32,
    function: HMAC,
    salt: [UInt8],
    iterations: Int
  ) -> [UInt8] {
    let indexBytes = (0..<4).map { UInt8(truncatingIfNeeded: index >> (24 - 8 * $0)) }
    let first = function.authenticationCode(for: salt + indexBytes)

    // One buffer for the chain U_j (with room for its padding) and one for the sum T_i.
    let digestSize = SHA256.digestByteCount
    let blockSize = SHA256.blockByteCount
    return withUnsafeTemporaryAllocation(byteCount: blockSize + digestSize, alignment: 8) {
      let chain = UnsafeMutableRawBufferPointer(rebasing: $0[0..<blockSize])
      let sum = UnsafeMutableRawBufferPointer(rebasing: $0[blockSize...])
      chain.copyBytes(from: first)
      sum.copyBytes(from: first)
      for _ in 1..<iterations {
        function.authenticateDigestSizedMessage(in: chain)
        xor(chain, into: sum)
      }
      return Array(sum)
    }
  }

  /// XORs the first 32 bytes of `source` into the 8-byte-aligned `target`, a word at a time.
  private static func xor(
    _ source: UnsafeMutableRawBufferPointer,
    into target: UnsafeMutableRawBufferPointer
  ) {
    for word in 0..<(SHA256.digestByteCount / 8) {
      let offset = word * 8
      let word =
        target.load(fromByteOffset: offset, as: UInt64.self)
        ^ source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      target.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
    }
  }
}
