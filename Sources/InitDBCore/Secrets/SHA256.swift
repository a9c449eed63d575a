/// The SHA-256 message digest of FIPS 180-4.
///
/// Linux Foundation has no cryptography, and the package may not depend on other packages,
/// so the digest behind SCRAM verifiers is computed here. Feed bytes with `update(_:)` and
/// read the digest with `finalize()`, or hash a whole message at once with `hash(_:)`.
struct SHA256 {
  /// The length of a digest in bytes.
  static let digestByteCount = 32

  /// The length of the blocks that the compression function consumes, in bytes.
  static let blockByteCount = 64

  /// The chaining value: the digest of the whole blocks consumed so far.
  private var state = State.initial

  /// Input bytes that do not yet fill a block.
  private var pending: [UInt8] = []

  /// The number of bytes consumed so far, blocks and pending bytes together.
  private var messageByteCount: UInt64 = 0

  /// Makes a hasher that has consumed nothing.
  init() {
    pending.reserveCapacity(Self.blockByteCount)
  }

  /// Returns the SHA-256 digest of `bytes`.
  ///
  /// - Parameter bytes: The whole message.
  /// - Returns: The 32-byte digest.
  static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Appends `bytes` to the message.
  ///
  /// - Parameter bytes: The next part of the message.
  mutating func update(_ bytes: some Sequence<UInt8>) {
    let consumedContiguously: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(contiguous: UnsafeRawBufferPointer(buffer))
    }
    if consumedContiguously == nil {
      Array(bytes).withUnsafeBytes { update(contiguous: $0) }
    }
  }

  /// Returns the digest of the message consumed so far, leaving this hasher unchanged.
  ///
  /// - Returns: The 32-byte digest.
  func finalize() -> [UInt8] {
    var padded = self
    let bitCount = messageByteCount &* 8

    // FIPS 180-4 §5.1.1: a one bit, zeros up to 56 bytes into a block, the bit length.
    padded.pending.append(0x80)
    let zeroCount = (Self.blockByteCount + 56 - padded.pending.count) % Self.blockByteCount
    padded.pending.append(contentsOf: repeatElement(0, count: zeroCount))
    for shift in stride(from: 56, through: 0, by: -8) {
      padded.pending.append(UInt8(truncatingIfNeeded: bitCount >> shift))
    }
    padded.pending.withUnsafeBytes { padded.state.compress(blocks: $0) }

    return [UInt8](unsafeUninitializedCapacity: Self.digestByteCount) { digest, count in
      padded.state.write(to: UnsafeMutableRawBufferPointer(digest))
      count = Self.digestByteCount
    }
  }

  /// Hashes one digest-sized message after the single block this hasher has consumed,
  /// in place and without allocating.
  ///
  /// This is the shape of every hash inside an HMAC over a digest: a padded key block, then
  /// a 32-byte message. PBKDF2 computes thousands of them, so they reuse one buffer.
  ///
  /// - Parameter block: A 64-byte buffer whose first 32 bytes hold the message. They are
  ///   replaced with the digest; the other 32 bytes are overwritten with padding.
  func hashDigestSizedMessage(in block: UnsafeMutableRawBufferPointer) {
    precondition(messageByteCount == UInt64(Self.blockByteCount) && pending.isEmpty)
    precondition(block.count == Self.blockByteCount)

    // The padding of a 96-byte message: a one bit, zeros, then 768 as a 64-bit length.
    block.storeBytes(of: (UInt64(0x80) << 56).bigEndian, toByteOffset: 32, as: UInt64.self)
    block.storeBytes(of: 0, toByteOffset: 40, as: UInt64.self)
    block.storeBytes(of: 0, toByteOffset: 48, as: UInt64.self)
    block.storeBytes(of: UInt64(768).bigEndian, toByteOffset: 56, as: UInt64.self)

    var copy = state
    copy.compress(blocks: UnsafeRawBufferPointer(block))
    copy.write(to: block)
  }

  /// Consumes bytes from a buffer, compressing every block that fills up.
  private mutating func update(contiguous bytes: UnsafeRawBufferPointer) {
    var remaining = bytes[...]
    messageByteCount &+= UInt64(bytes.count)

    if !pending.isEmpty {
      let taken = remaining.prefix(Self.blockByteCount - pending.count)
      pending.append(contentsOf: taken)
      remaining = remaining.dropFirst(taken.count)
      guard pending.count == Self.blockByteCount else { return }
      pending.withUnsafeBytes { state.compress(blocks: $0) }
      pending.removeAll(keepingCapacity: true)
    }

    let wholeBlockBytes = remaining.count - remaining.count % Self.blockByteCount
    state.compress(blocks: UnsafeRawBufferPointer(rebasing: remaining.prefix(wholeBlockBytes)))
    pending.append(contentsOf: remaining.dropFirst(wholeBlockBytes))
  }
}

extension SHA256 {
  /// The eight 32-bit words of the chaining value, held inline so that copying a state
  /// never allocates.
  fileprivate struct State {
    var a, b, c, d, e, f, g, h: UInt32

    /// The initial hash value of FIPS 180-4 §5.3.3.
    static let initial = State(
      a: 0x6a09_e667,
      b: 0xbb67_ae85,
      c: 0x3c6e_f372,
      d: 0xa54f_f53a,
      e: 0x510e_527f,
      f: 0x9b05_688c,
      g: 0x1f83_d9ab,
      h: 0x5be0_cd19
    )

    /// Runs the compression function over each 64-byte block of `blocks`.
    mutating func compress(blocks: UnsafeRawBufferPointer) {
      precondition(blocks.count % SHA256.blockByteCount == 0)
      guard let base = blocks.baseAddress else { return }

      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        Self.roundConstants.withUnsafeBufferPointer { constants in
          for index in 0..<(blocks.count / SHA256.blockByteCount) {
            Self.expand(block: base + index * SHA256.blockByteCount, into: schedule.baseAddress!)
            compress(schedule: schedule.baseAddress!, constants: constants.baseAddress!)
          }
        }
      }
    }

    /// Writes the words big-endian into the first 32 bytes of `digest`.
    func write(to digest: UnsafeMutableRawBufferPointer) {
      precondition(digest.count >= SHA256.digestByteCount)
      // Word by word rather than through an array: PBKDF2 calls this without allocating.
      digest.storeBytes(of: a.bigEndian, toByteOffset: 0, as: UInt32.self)
      digest.storeBytes(of: b.bigEndian, toByteOffset: 4, as: UInt32.self)
      digest.storeBytes(of: c.bigEndian, toByteOffset: 8, as: UInt32.self)
      digest.storeBytes(of: d.bigEndian, toByteOffset: 12, as: UInt32.self)
      digest.storeBytes(of: e.bigEndian, toByteOffset: 16, as: UInt32.self)
      digest.storeBytes(of: f.bigEndian, toByteOffset: 20, as: UInt32.self)
      digest.storeBytes(of: g.bigEndian, toByteOffset: 24, as: UInt32.self)
      digest.storeBytes(of: h.bigEndian, toByteOffset: 28, as: UInt32.self)
    }

    // The two functions below spell out their rotations (`x >> n | x << (32 - n)`) instead
    // of calling a helper, and index through plain pointers: a debug build inlines
    // neither, and PBKDF2 runs them 8192 times for one verifier.

    /// Fills the 64-word message schedule of FIPS 180-4 §6.2.2 step 1 from one block.
    private static func expand(block: UnsafeRawPointer, into w: UnsafeMutablePointer<UInt32>) {
      for t in 0..<16 {
        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
      }
      for t in 16..<64 {
        let w15 = w[t &- 15]
        let w2 = w[t &- 2]
        let sigma0 = (w15 &>> 7 | w15 &<< 25) ^ (w15 &>> 18 | w15 &<< 14) ^ (w15 &>> 3)
        let sigma1 = (w2 &>> 17 | w2 &<< 15) ^ (w2 &>> 19 | w2 &<< 13) ^ (w2 &>> 10)
        w[t] = w[t &- 16] &+ sigma0 &+ w[t &- 7] &+ sigma1
      }
    }

    /// Runs the 64 rounds of FIPS 180-4 §6.2.2 steps 2 to 4 over one expanded block.
    private mutating func compress(
      schedule w: UnsafeMutablePointer<UInt32>,
      constants k: UnsafePointer<UInt32>
    ) {
      var a = self.a
      var b = self.b
      var c = self.c
      var d = self.d
      var e = self.e
      var f = self.f
      var g = self.g
      var h = self.h
      for t in 0..<64 {
        let sum1 = (e &>> 6 | e &<< 26) ^ (e &>> 11 | e &<< 21) ^ (e &>> 25 | e &<< 7)
        let choice = (e & f) ^ (~e & g)
        let temp1 = h &+ sum1 &+ choice &+ k[t] &+ w[t]
        let sum0 = (a &>> 2 | a &<< 30) ^ (a &>> 13 | a &<< 19) ^ (a &>> 22 | a &<< 10)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        h = g
        g = f
        f = e
        e = d &+ temp1
        d = c
        c = b
        b = a
        a = temp1 &+ sum0 &+ majority
      }
      self.a &+= a
      self.b &+= b
      self.c &+= c
      self.d &+= d
      self.e &+= e
      self.f &+= f
      self.g &+= g
      self.h &+= h
    }

    /// The round constants of FIPS 180-4 §4.2.2.
    private static let roundConstants: [UInt32] = [
      0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
      0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
      0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
      0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
      0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
      0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
      0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
      0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
      0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
      0xc671_78f2,
    ]
  }
}
