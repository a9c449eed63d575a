import Foundation
import Testing

@testable import InitDBCore

/// Tests of the SCRAM-SHA-256 verifier and the primitives beneath it.
///
/// Digest, HMAC and PBKDF2 expectations are the published test vectors, checked against
/// Python's `hashlib`. Verifiers marked as PostgreSQL's were produced by PostgreSQL 15.18
/// itself, hashing the plaintext in `CREATE ROLE … PASSWORD`; the test recomputes them from
/// their salt.
@Suite struct SCRAMVerifierTests {
  /// FIPS 180-4 examples for SHA-256.
  @Suite struct SHA256Vectors {
    @Test func abc() {
      #expect(
        hex(SHA256.hash("abc".utf8))
          == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
      )
    }

    @Test func emptyMessage() {
      #expect(
        hex(SHA256.hash([UInt8]()))
          == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
      )
    }

    @Test func twoBlockMessage() {
      let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
      #expect(
        hex(SHA256.hash(message.utf8))
          == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      )
    }

    @Test func oneMillionTimesA() {
      let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
      #expect(
        hex(SHA256.hash(message))
          == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
      )
    }

    /// Pieces that end inside, at and across block boundaries give the digest of the whole.
    @Test(arguments: [1, 55, 56, 63, 64, 65, 127])
    func incrementalUpdates(pieceLength: Int) {
      let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
      var hasher = SHA256()
      for start in stride(from: 0, to: message.count, by: pieceLength) {
        hasher.update(message[start..<min(start + pieceLength, message.count)])
      }
      #expect(hasher.finalize() == SHA256.hash(message))
    }

    /// A sequence without contiguous storage takes the copying path.
    @Test func nonContiguousSequence() {
      let lazyBytes = (0..<200).lazy.map { UInt8(truncatingIfNeeded: $0) }
      #expect(SHA256.hash(lazyBytes) == SHA256.hash(Array(lazyBytes)))
    }
  }

  /// RFC 4231 test cases for HMAC-SHA-256; case 5 truncates its output, so it is left out.
  @Suite struct HMACVectors {
    struct Vector: Sendable, CustomTestStringConvertible {
      let testCase: Int
      let key: [UInt8]
      let message: [UInt8]
      let code: String

      var testDescription: String { "RFC 4231 test case \(testCase)" }
    }

    static let vectors = [
      Vector(
        testCase: 1,
        key: [UInt8](repeating: 0x0b, count: 20),
        message: Array("Hi There".utf8),
        code: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
      ),
      Vector(
        testCase: 2,
        key: Array("Jefe".utf8),
        message: Array("what do ya want for nothing?".utf8),
        code: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
      ),
      Vector(
        testCase: 3,
        key: [UInt8](repeating: 0xaa, count: 20),
        message: [UInt8](repeating: 0xdd, count: 50),
        code: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
      ),
      Vector(
        testCase: 4,
        key: Array(1...25),
        message: [UInt8](repeating: 0xcd, count: 50),
        code: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
      ),
      Vector(
        testCase: 6,
        key: [UInt8](repeating: 0xaa, count: 131),
        message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
        code: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
      ),
      Vector(
        testCase: 7,
        key: [UInt8](repeating: 0xaa, count: 131),
        message: Array(
          ("This is a test using a larger than block-size key and a larger than block-size "
            + "data. The key needs to be hashed before being used by the HMAC algorithm.").utf8
        ),
        code: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
      ),
    ]

    @Test(arguments: vectors)
    func authenticationCode(vector: Vector) {
      #expect(hex(HMAC.authenticationCode(for: vector.message, key: vector.key)) == vector.code)
    }

    /// The in-place path that PBKDF2 uses agrees with the general one.
    @Test func digestSizedMessageInPlace() {
      let function = HMAC(key: Array("key".utf8))
      let message = SHA256.hash("message".utf8)
      var block = message + [UInt8](repeating: 0xff, count: 32)
      block.withUnsafeMutableBytes { function.authenticateDigestSizedMessage(in: $0) }
      #expect(Array(block.prefix(32)) == function.authenticationCode(for: message))
    }
  }

  /// PBKDF2-HMAC-SHA-256 vectors (RFC 7914 §11 style), checked with `hashlib.pbkdf2_hmac`.
  @Suite struct PBKDF2Vectors {
    @Test(arguments: [
      (1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
      (2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
      (4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
    ])
    func passwordAndSalt(iterations: Int, key: String) {
      let derived = PBKDF2.deriveKey(
        password: "password".utf8,
        salt: "salt".utf8,
        iterations: iterations,
        keyByteCount: 32
      )
      #expect(hex(derived) == key)
    }

    /// A key longer than one digest takes two blocks and truncates the second.
    @Test func longerKeyThanDigest() {
      let derived = PBKDF2.deriveKey(
        password: "passwordPASSWORDpassword".utf8,
        salt: "saltSALTsaltSALTsaltSALTsaltSALTsalt".utf8,
        iterations: 4096,
        keyByteCount: 40
      )
      #expect(
        hex(derived)
          == "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"
      )
    }

    @Test func embeddedZeroBytes() {
      let derived = PBKDF2.deriveKey(
        password: "pass\0word".utf8,
        salt: "sa\0lt".utf8,
        iterations: 4096,
        keyByteCount: 16
      )
      #expect(hex(derived) == "89b69d0516f829893c696226650a8687")
    }

    /// A guard against a slow path creeping in: a debug build takes about 20 ms here, and
    /// every role in a generated script pays it once.
    @Test func defaultIterationCountIsFast() {
      let elapsed = ContinuousClock().measure {
        _ = PBKDF2.deriveKey(
          password: "password".utf8,
          salt: "salt".utf8,
          iterations: SCRAMVerifier.defaultIterations,
          keyByteCount: 32
        )
      }
      #expect(elapsed < .milliseconds(500))
    }
  }

  /// Verifiers for ASCII passwords, checked with a Python computation (`hashlib`, `hmac`).
  @Suite struct Verifiers {
    @Test func defaultIterations() {
      let verifier = SCRAMVerifier(password: "correct horse battery staple", salt: Array(0..<16))
      #expect(
        verifier.text
          == "SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$ONYbSJBXtKl6bP6PVqw8pm9e7EiacprLnoU"
          + "QPFS80Hw=:IPOtHuGJ2HifEQg74W2XXqqCrCyQG55GbPRHa6g6n9w="
      )
    }

    @Test func chosenIterations() {
      let verifier = SCRAMVerifier(password: "pencil", salt: Array("salt".utf8), iterations: 1)
      #expect(
        verifier.text
          == "SCRAM-SHA-256$1:c2FsdA==$Otk5kdnAo/6UDUcm0KaO+uESed84FVLF7Qg4N9v1MRA=:Uc4DDcQRN5W"
          + "J44eNiyKPEO+MJvVo84Ucr4WI9nixz60="
      )
    }

    @Test func seededSaltIsReproducible() {
      var first = SplitMix64(seed: 42)
      var second = SplitMix64(seed: 42)
      let one = SCRAMVerifier(password: "pencil", iterations: 2, using: &first)
      let other = SCRAMVerifier(password: "pencil", iterations: 2, using: &second)
      #expect(one == other)
      #expect(one.salt.count == SCRAMVerifier.defaultSaltByteCount)
    }

    @Test func systemSaltIsFreshEachTime() {
      let one = SCRAMVerifier(password: "pencil", iterations: 2)
      let other = SCRAMVerifier(password: "pencil", iterations: 2)
      #expect(one.salt.count == 16)
      #expect(one.salt != other.salt)
      #expect(one.storedKey != other.storedKey)
      #expect(SCRAMVerifier.isVerifier(one.text))
    }
  }

  /// Verifiers that PostgreSQL 15.18 computed from plaintext, covering SASLprep's mapping,
  /// normalization, and the fallback to raw bytes when SASLprep fails.
  @Suite struct PostgreSQLVerifiers {
    struct Example: Sendable, CustomTestStringConvertible {
      let password: String
      let verifier: String
      let testDescription: String
    }

    static let examples = [
      Example(
        password: "p\u{E4} ss'\"$word",
        verifier: "SCRAM-SHA-256$4096:NHEm7RLWQpgN16OxpZHzeg==$8IVSGQDUQKMKN1KCmLNjId4m8qWHig"
          + "ydlNYxm4Gv3tk=:CYjfh7C4TCFc4szF45y2+eRZfnL8EG78NkbyvTBRjFo=",
        testDescription: "quotes, spaces and a precomposed umlaut, unchanged"
      ),
      Example(
        password: "a\u{A0}b",
        verifier: "SCRAM-SHA-256$4096:rdJrATJH55tPTsKCa5D7fQ==$GDFG2yK2uTpWHS101dlWDtIx0iDl3i"
          + "F0U58HYWZnw9s=:DmrqsG2tCsHye+5L3c+yE3HL/RR91Q+NQR4PsoMax3Q=",
        testDescription: "no-break space mapped to a space"
      ),
      Example(
        password: "a\u{AD}b",
        verifier: "SCRAM-SHA-256$4096:T2eA+LIDyC7E2th+1D/EwA==$T5B8wi0CUIyE8RJiHbLLc8AoQBLTc0"
          + "tBgOnNqI/09ig=:O7FawY9G71bCfau5Kl8l3HGJb95yL38McmAiaAMy30A=",
        testDescription: "soft hyphen mapped to nothing"
      ),
      Example(
        password: "a\u{200B}b",
        verifier: "SCRAM-SHA-256$4096:5SVjB2hov+zWk0zaUxqR8g==$J2KP5gRcjY17ODretoL4yNAqFWhdd8"
          + "Ywys1AcMRfFvM=:nwA1rHcHFvK1J6ycnVYgftCJigzwg83ryc5G7EtHvAg=",
        testDescription: "zero width space mapped to a space, as PostgreSQL does"
      ),
      Example(
        password: "\u{FB01}",
        verifier: "SCRAM-SHA-256$4096:ehI4g+2qfyl+LG51Gv8HZA==$MJlJhYD6zSH7WyPiCWapaiYzyX1sn+"
          + "oySIi1vRsnoAw=:zRqfg4DWKJ50FtuKTy+e6E1astK+KvrADJecPwClYVY=",
        testDescription: "ligature fi normalized to two letters"
      ),
      Example(
        password: "\u{FF76}",
        verifier: "SCRAM-SHA-256$4096:MGa8cP2YPxM4IJnYFj8q6A==$G6nhmeq5sks7tnX24V+bB8Bp8qDUZr"
          + "mdgBnF98qysYk=:Z6iMwDzXp1F0xZs7ptHEhXd/fhmPyDFwft8A/TGcDdk=",
        testDescription: "halfwidth katakana normalized"
      ),
      Example(
        password: "\u{212B}",
        verifier: "SCRAM-SHA-256$4096:N5EGBDuxXNCHg1CcTgmWZQ==$daOEkrJGxQNMTs7w7EdOo54ZFblSny"
          + "i7RMMYlY2ik1I=:lTYdjH5LuLvzNVpBF74AEIAxEKkanQZiRWlRU/WcWDk=",
        testDescription: "angstrom sign normalized to A with ring"
      ),
      Example(
        password: "\u{E000}x",
        verifier: "SCRAM-SHA-256$4096:4Oe+aPiJGZAlxfOODpiFkg==$bI7ZgjfW4SxEKaWjATT9oiEIz+2UvH"
          + "u5nP5RVANqetw=:Uu4lMbXbMX0RwAu8DY6PKJQUd9SAG94HiugU2eFHtRY=",
        testDescription: "private use character, raw bytes"
      ),
      Example(
        password: "\u{FB01}\u{1F600}",
        verifier: "SCRAM-SHA-256$4096:NyqIuVL0o4dV5jBokcTtEA==$kCaFEf/YFzphpCqkjHc5wX7UooIlR9"
          + "Ea/aDZ6SEKrHQ=:lt35nv56q6OQY1IO/ahH/iky6S7gdldQJ1AaIL18aLM=",
        testDescription: "emoji unassigned in Unicode 3.2, raw bytes with the ligature kept"
      ),
      Example(
        password: "\u{5E9}\u{5DC}\u{5D5}\u{5DD}",
        verifier: "SCRAM-SHA-256$4096:Rwujeu/M2QR0pazUb/O0ow==$EMXbrIl6XWwjkyDlrmebCAmdlBW8QB"
          + "SXuyCk15nIl2s=:misEFp+zZ6hf2Hj9Yl5/P81KjAYyEolvE+2qNEhNDwA=",
        testDescription: "right-to-left only, unchanged"
      ),
      Example(
        password: "\u{5E9}\u{AD}\u{5DC}\u{5D5}\u{5DD}a",
        verifier: "SCRAM-SHA-256$4096:TJlTpJVM3kfpHwar/HYfbA==$AVd+bdBITlYBDvThna5w4txCI3ej2f"
          + "gox5eHszA9pZw=:FFE9DI4+lrDDaWF71FKkShu5IpLyrEhQMSpz9ddPSj0=",
        testDescription: "right-to-left mixed with a left-to-right letter, raw bytes"
      ),
      Example(
        password: "\u{5D0}\u{FB01}\u{5D0}",
        verifier: "SCRAM-SHA-256$4096:JoGw2/N8LYwJtKCJaytz/A==$5uFM+5STgRWo228JYGWe3TlwhY9JNT"
          + "2ySinjdBaVWH0=:Ws0I2nQHeD69F+iw8klQOEnsU38IUXoxNNVia90941M=",
        testDescription: "right-to-left around a left-to-right ligature, raw bytes"
      ),
      Example(
        password: "1\u{AD}\u{5E9}",
        verifier: "SCRAM-SHA-256$4096:L9yPhXsD1bpzeKnxrXNKKw==$62rOGlA0bunb7Icq9VoRZ/H/ruk8j7"
          + "nh/OsO6QIFAsc=:Pvqa16LG8Xbvn3cfL50zCmy6QcnQSDHVGFYa1IrDgfI=",
        testDescription: "right-to-left not first, raw bytes"
      ),
      Example(
        password: "\u{385}\u{323}o%@(",
        verifier: "SCRAM-SHA-256$4096:GXJn4iE2/z591lET9CuewQ==$vzofcVtSRPPtXVqQrucys0GyrfIlC7"
          + "mewwgwL+16OEI=:KVvdmXWXRvZakHmUVnXvt2GX6BiUmnuYTor2jVeUyrk=",
        testDescription: "marks that NFKC must reorder after a compatibility decomposition"
      ),
      Example(
        password: "\u{627}\u{644}\u{639}\u{631}\u{628}\u{64A}\u{629}\u{A0}\u{627}",
        verifier: "SCRAM-SHA-256$4096:blzl5KV9ZmhSgBhoILcX8w==$lPLBcUvAAeDr91fTFio4FiP3/OfOlq"
          + "kPomLrhrfjkp8=:dvjtzKinMl6U53YrLZMYr/xZxDOm1tXEgVuSdM5HyHI=",
        testDescription: "Arabic with a no-break space mapped to a space"
      ),
    ]

    @Test(arguments: examples)
    func matchesPostgreSQL(example: Example) throws {
      let head = try #require(example.verifier.split(separator: "$").dropFirst().first)
      let parameters = head.split(separator: ":")
      let iterations = try #require(Int(parameters[0]))
      let salt = try #require(Data(base64Encoded: String(parameters[1])))

      let verifier = SCRAMVerifier(
        password: example.password,
        salt: [UInt8](salt),
        iterations: iterations
      )

      #expect(verifier.text == example.verifier)
    }
  }

  /// The bytes that SASLprep, with PostgreSQL's fallback, makes of a password.
  @Suite struct Preparation {
    @Test(arguments: [
      ("pencil", "pencil"),
      ("a\tb\u{7F}", "a\tb\u{7F}"),
      ("a\u{A0}b\u{3000}", "a b "),
      ("\u{34F}x\u{FE0F}\u{FEFF}\u{200D}", "x"),
      ("\u{2168}\u{2460}", "IX1"),
      ("e\u{301}", "\u{E9}"),
      ("\u{2126}", "\u{3A9}"),
      ("\u{FF21}\u{FF42}\u{FF43}\u{FF11}", "Abc1"),
      ("\u{1100}\u{1161}", "\u{AC00}"),
      ("\u{FEFB}", "\u{644}\u{627}"),
      ("\u{385}\u{323}", " \u{323}\u{308}\u{301}"),
    ])
    func prepared(password: String, expected: String) {
      let prepared = SCRAMVerifier.PasswordPreparation.prepare(password)
      #expect(prepared == Array(expected.utf8))
    }

    /// Where PostgreSQL's SASLprep fails, the password's own bytes are hashed.
    ///
    /// U+0340 becomes U+0300 under NFKC, but PostgreSQL checks for prohibited characters
    /// before normalizing, so it still fails.
    @Test(arguments: [
      "\u{AD}",
      "\u{FB01}\u{340}",
      "\u{FB01}\u{80}",
      "\u{FB01}\u{221}",
      "\u{FB01}\u{E0001}",
      "\u{FB01}\u{200F}",
      "\u{5D0}\u{AD}\u{5D0}a",
    ])
    func fallsBackToRawBytes(password: String) {
      #expect(SCRAMVerifier.PasswordPreparation.saslprep(password) == nil)
      #expect(SCRAMVerifier.PasswordPreparation.prepare(password) == Array(password.utf8))
    }
  }

  /// Recognition of values that already are verifiers.
  @Suite struct Recognition {
    @Test(arguments: [
      validVerifier,
      validVerifier.replacing("$4096:", with: "$1:"),
      validVerifier.replacing("AAECAwQFBgcICQoLDA0ODw==", with: "c2FsdA=="),
      PostgreSQLVerifiers.examples[0].verifier,
    ])
    func acceptsVerifier(value: String) {
      #expect(SCRAMVerifier.isVerifier(value))
    }

    @Test(arguments: [
      "",
      "pencil",
      "md5" + String(repeating: "0", count: 32),
      validVerifier.lowercased(),
      "SCRAM-SHA-1" + validVerifier.dropFirst("SCRAM-SHA-256".count),
      "$" + validVerifier,
      validVerifier + " ",
      validVerifier + ":",
      validVerifier.replacing("$4096:", with: "$0:"),
      validVerifier.replacing("$4096:", with: "$+4096:"),
      validVerifier.replacing("$4096:", with: "$2147483648:"),
      validVerifier.replacing("$4096:", with: "$:"),
      validVerifier.replacing("AAECAwQFBgcICQoLDA0ODw==", with: ""),
      validVerifier.replacing("AAECAwQFBgcICQoLDA0ODw==", with: "AAECAwQFBgcICQoLDA0ODw"),
      validVerifier.replacing("AAECAwQFBgcICQoLDA0ODw==", with: "AAE CAwQFBgcICQoLDA0ODw=="),
      validVerifier.replacing("ONYbSJBXtKl6bP6PVqw8pm9e7EiacprLnoUQPFS80Hw=", with: "c2FsdA=="),
      validVerifier.replacing(":IPOtH", with: "$IPOtH"),
    ])
    func rejectsOtherText(value: String) {
      #expect(!SCRAMVerifier.isVerifier(value))
    }
  }
}

/// A verifier in PostgreSQL's canonical spelling, which the rejected cases alter.
private let validVerifier =
  "SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$ONYbSJBXtKl6bP6PVqw8pm9e7EiacprLnoUQPFS80Hw="
  + ":IPOtHuGJ2HifEQg74W2XXqqCrCyQG55GbPRHa6g6n9w="

/// Lowercase hexadecimal of `bytes`.
private func hex(_ bytes: [UInt8]) -> String {
  let digits = Array("0123456789abcdef")
  return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
}

/// A seeded generator (SplitMix64), so that a test can fix the salt.
private struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var value = state
    value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
    value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
    return value ^ (value >> 31)
  }
}
