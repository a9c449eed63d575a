import Foundation

/// A SCRAM-SHA-256 password verifier, spelled as PostgreSQL stores it in
/// `pg_authid.rolpassword`.
///
/// The text is `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, each binary
/// field in base64, where (RFC 5802 §3, RFC 7677):
///
/// - `SaltedPassword` = PBKDF2-HMAC-SHA-256(prepared password, salt, iterations, 32 bytes)
/// - `StoredKey` = SHA-256(HMAC(`SaltedPassword`, "Client Key"))
/// - `ServerKey` = HMAC(`SaltedPassword`, "Server Key")
///
/// The password is prepared exactly as libpq and the server prepare it (see
/// `PasswordPreparation`), so the verifier accepts the same password at login.
/// `CREATE ROLE … PASSWORD '<verifier>'` stores a verifier as it is, which keeps the
/// plaintext away from the server and its logs. PostgreSQL reads passwords as C strings,
/// so a password that contains U+0000 cannot be typed at login.
public struct SCRAMVerifier: Hashable, Sendable {
  /// The iteration count PostgreSQL uses by default (`scram_iterations` from version 16).
  public static let defaultIterations = 4096

  /// The salt length PostgreSQL uses, in bytes.
  public static let defaultSaltByteCount = 16

  /// The PBKDF2 iteration count.
  public let iterations: Int

  /// The salt.
  public let salt: [UInt8]

  /// `StoredKey`, the SHA-256 digest of `ClientKey`; the server checks client proofs with it.
  public let storedKey: [UInt8]

  /// `ServerKey`, with which the server proves to the client that it knows the verifier.
  public let serverKey: [UInt8]

  /// Computes the verifier of a password with a given salt.
  ///
  /// The same password, salt and iteration count always give the same verifier, which
  /// makes this the initializer for tests and for reproducible output.
  ///
  /// PostgreSQL checks every verifier it is given against the empty password, at the
  /// verifier's own iteration count: it stores no password at all for the verifier of `""`
  /// (with a NOTICE), and a huge count stalls `CREATE ROLE` itself.
  ///
  /// - Parameters:
  ///   - password: The password in plaintext.
  ///   - salt: The salt, at least one byte; PostgreSQL makes 16 random bytes.
  ///   - iterations: The PBKDF2 iteration count, from 1 to `Int32.max`.
  public init(password: String, salt: [UInt8], iterations: Int = defaultIterations) {
    precondition(!salt.isEmpty, "a SCRAM salt has at least one byte")
    precondition((1...Int(Int32.max)).contains(iterations), "PostgreSQL stores the count as int")

    let saltedPassword = PBKDF2.deriveKey(
      password: PasswordPreparation.prepare(password),
      salt: salt,
      iterations: iterations,
      keyByteCount: SHA256.digestByteCount
    )
    let clientKey = HMAC.authenticationCode(for: "Client Key".utf8, key: saltedPassword)

    self.iterations = iterations
    self.salt = salt
    self.storedKey = SHA256.hash(clientKey)
    self.serverKey = HMAC.authenticationCode(for: "Server Key".utf8, key: saltedPassword)
  }

  /// Computes the verifier of a password with a fresh 16-byte salt from `generator`.
  ///
  /// - Parameters:
  ///   - password: The password in plaintext.
  ///   - iterations: The PBKDF2 iteration count, from 1 to `Int32.max`.
  ///   - generator: The source of the salt; pass a seeded generator only in tests.
  public init(
    password: String,
    iterations: Int = defaultIterations,
    using generator: inout some RandomNumberGenerator
  ) {
    let salt = (0..<Self.defaultSaltByteCount).map { _ in
      UInt8.random(in: .min ... .max, using: &generator)
    }
    self.init(password: password, salt: salt, iterations: iterations)
  }

  /// Computes the verifier of a password with a fresh 16-byte salt from the system's
  /// cryptographically secure generator, as PostgreSQL does.
  ///
  /// - Parameters:
  ///   - password: The password in plaintext.
  ///   - iterations: The PBKDF2 iteration count, from 1 to `Int32.max`.
  public init(password: String, iterations: Int = defaultIterations) {
    var generator = SystemRandomNumberGenerator()
    self.init(password: password, iterations: iterations, using: &generator)
  }

  /// The verifier as PostgreSQL spells it, ready for `PASSWORD '…'`.
  ///
  /// The text holds no quote or backslash, but it holds `$`, which shells and Docker
  /// Compose env files expand.
  public var text: String {
    let salt = Data(salt).base64EncodedString()
    let storedKey = Data(storedKey).base64EncodedString()
    let serverKey = Data(serverKey).base64EncodedString()
    return "SCRAM-SHA-256$\(iterations):\(salt)$\(storedKey):\(serverKey)"
  }

  /// Returns whether `value` already is a SCRAM-SHA-256 verifier that PostgreSQL stores as
  /// it is, rather than a plaintext password that it would hash.
  ///
  /// The shape is the one `parse_scram_secret` in PostgreSQL's `auth-scram.c` reads:
  /// `SCRAM-SHA-256$`, a positive iteration count, `:`, a base64 salt, `$`, then the base64
  /// `StoredKey` and `ServerKey` of 32 bytes each, separated by `:`. Only the canonical
  /// spelling is accepted: PostgreSQL's `strtok`/`strtol` parsing also lets through
  /// repeated separators, a sign or spaces before the count, and base64 with stray bits
  /// after the last byte, none of which PostgreSQL itself ever writes. A count of 0 or
  /// less passes PostgreSQL's parser but fails every login, so it is rejected here.
  ///
  /// - Parameter value: A password as given, maybe already a verifier.
  /// - Returns: `true` when `value` is a verifier.
  public static func isVerifier(_ value: String) -> Bool {
    let prefix = "SCRAM-SHA-256$"
    guard value.utf8.allSatisfy({ $0 < 0x80 }), value.hasPrefix(prefix) else { return false }

    let halves = value.dropFirst(prefix.count).split(
      separator: "$",
      omittingEmptySubsequences: false
    )
    guard halves.count == 2 else { return false }
    let parameters = halves[0].split(separator: ":", omittingEmptySubsequences: false)
    let keys = halves[1].split(separator: ":", omittingEmptySubsequences: false)
    guard parameters.count == 2, keys.count == 2 else { return false }

    return isIterationCount(parameters[0])
      && decodeBase64(parameters[1])?.isEmpty == false
      && decodeBase64(keys[0])?.count == SHA256.digestByteCount
      && decodeBase64(keys[1])?.count == SHA256.digestByteCount
  }

  /// Whether `text` is a decimal count from 1 to `Int32.max`, digits only.
  private static func isIterationCount(_ text: Substring) -> Bool {
    guard !text.isEmpty, text.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
    return Int32(text).map { $0 > 0 } ?? false
  }

  /// Decodes padded standard base64, or returns `nil` unless `text` is the canonical
  /// encoding of what it decodes to.
  private static func decodeBase64(_ text: Substring) -> [UInt8]? {
    guard let data = Data(base64Encoded: String(text)) else { return nil }
    return data.base64EncodedString() == text ? [UInt8](data) : nil
  }
}

extension SCRAMVerifier {
  /// SASLprep (RFC 4013) as PostgreSQL applies it to SCRAM passwords.
  ///
  /// A password only logs in if the verifier was computed from the same bytes that libpq
  /// derives from the typed password, so this follows PostgreSQL's `pg_saslprep`
  /// (`src/common/saslprep.c`) and its caller, including where PostgreSQL departs from
  /// the RFC. All of RFC 4013 §2 is implemented:
  ///
  /// 1. A password of ASCII bytes only is used as it is; PostgreSQL takes that shortcut
  ///    before any other step. The RFC would prohibit ASCII control characters, but the
  ///    fallback below would then hash the same bytes.
  /// 2. Mapping (§2.1): the non-ASCII spaces of RFC 3454 table C.1.2 become U+0020, and
  ///    the characters of table B.1 are deleted. U+200B is in both tables; like PostgreSQL
  ///    it becomes a space.
  /// 3. Normalization (§2.2): NFKC, from Foundation's decomposition and composition (see
  ///    `normalizedNFKC(_:)` for why not its NFKC). Foundation's Unicode version is newer
  ///    than PostgreSQL's tables, but step 4 only lets through characters assigned in
  ///    Unicode 3.2, whose normalization Unicode's stability policy keeps unchanged.
  /// 4. Prohibited output (§2.3): the characters of tables C.1.2, C.2.1, C.2.2 and C.3 to
  ///    C.9, and code points unassigned in Unicode 3.2 (table A.1, §2.5). Table A.1 is
  ///    derived from each scalar's `Unicode.Scalar.Properties.age`, which for every code
  ///    point agrees with the RFC's table.
  /// 5. Bidirectional characters (§2.4, RFC 3454 §6): a password with a character of
  ///    table D.1 must start and end with one and contain none of table D.2.
  ///
  /// PostgreSQL checks steps 4 and 5 on the mapped password before normalization, not on
  /// the normalized output as the RFC says; so does this.
  ///
  /// Where SASLprep fails (a prohibited character, a bidirectional violation, or nothing
  /// left after mapping), the RFC says to reject the password, but PostgreSQL falls back
  /// to the password's raw UTF-8 bytes. It does so on both sides: `CREATE ROLE … PASSWORD`
  /// with plaintext hashes the raw bytes, and libpq's client hashes the raw bytes when
  /// its own SASLprep fails. Using the raw bytes here too gives the verifier that
  /// PostgreSQL would have computed, so such passwords work. PostgreSQL also falls back
  /// for bytes that are not valid UTF-8, which a Swift `String` never holds.
  ///
  /// The tests hold verifiers that PostgreSQL 15 computed for each of these cases.
  enum PasswordPreparation {
    /// Returns the bytes that PostgreSQL hashes for `password`.
    ///
    /// - Parameter password: The password as typed.
    /// - Returns: The SASLprep output in UTF-8, or the raw UTF-8 bytes when SASLprep fails.
    static func prepare(_ password: String) -> [UInt8] {
      Array((saslprep(password) ?? password).utf8)
    }

    /// Returns the SASLprep output of `password`, or `nil` where PostgreSQL's SASLprep
    /// fails.
    ///
    /// - Parameter password: The password as typed.
    /// - Returns: The prepared password, or `nil`.
    static func saslprep(_ password: String) -> String? {
      guard !password.utf8.allSatisfy({ $0 < 0x80 }) else { return password }

      let mapped = applyMapping(to: password.unicodeScalars)
      guard !mapped.isEmpty,
        !mapped.contains(where: isProhibited),
        satisfiesBidiRule(mapped)
      else { return nil }

      return normalizedNFKC(mapped)
    }

    /// Maps non-ASCII spaces to U+0020 and deletes characters mapped to nothing.
    private static func applyMapping(to scalars: String.UnicodeScalarView) -> [Unicode.Scalar] {
      scalars.compactMap { scalar in
        if nonASCIISpaces.contains(scalar) { return " " }
        return mappedToNothing.contains(scalar) ? nil : scalar
      }
    }

    /// Returns the NFKC form of `scalars`, built from Foundation's parts.
    ///
    /// Foundation's own `precomposedStringWithCompatibilityMapping` (Swift 6.3.1 on Linux)
    /// leaves some compatibility decompositions out of canonical order: for U+0385 U+0323 it
    /// gives U+0020 U+0308 U+0323 U+0301 where NFKC, and PostgreSQL, give U+0020 U+0323
    /// U+0308 U+0301. So this decomposes with Foundation, orders the combining marks itself
    /// and composes with Foundation's NFC, which agreed with Python's `unicodedata` on 800,000
    /// random strings of Unicode 3.2 characters where the direct call differed on 0.2%.
    private static func normalizedNFKC(_ scalars: [Unicode.Scalar]) -> String {
      let decomposed = String(String.UnicodeScalarView(scalars))
        .decomposedStringWithCompatibilityMapping
      let ordered = canonicallyOrdered(Array(decomposed.unicodeScalars))
      return String(String.UnicodeScalarView(ordered)).precomposedStringWithCanonicalMapping
    }

    /// Puts each run of combining marks in canonical order (Unicode §3.11): a stable sort
    /// by canonical combining class, with the starters (class 0) staying where they are.
    private static func canonicallyOrdered(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
      var ordered: [Unicode.Scalar] = []
      var marks: [Unicode.Scalar] = []
      for scalar in scalars {
        if scalar.properties.canonicalCombiningClass == .notReordered {
          ordered += sortedByCombiningClass(marks)
          marks.removeAll()
          ordered.append(scalar)
        } else {
          marks.append(scalar)
        }
      }
      return ordered + sortedByCombiningClass(marks)
    }

    /// Sorts combining marks by canonical combining class, keeping the order of equal ones.
    private static func sortedByCombiningClass(_ marks: [Unicode.Scalar]) -> [Unicode.Scalar] {
      marks.enumerated()
        .sorted {
          ($0.element.properties.canonicalCombiningClass, $0.offset)
            < ($1.element.properties.canonicalCombiningClass, $1.offset)
        }
        .map(\.element)
    }

    /// Whether SASLprep prohibits `scalar` in its output.
    private static func isProhibited(_ scalar: Unicode.Scalar) -> Bool {
      guard !prohibitedOutput.contains(scalar) else { return true }
      guard let age = scalar.properties.age else { return true }
      return (age.major, age.minor) > (3, 2)
    }

    /// Whether `scalars` meet the bidirectional rule of RFC 3454 §6.
    private static func satisfiesBidiRule(_ scalars: [Unicode.Scalar]) -> Bool {
      guard scalars.contains(where: rightToLeft.contains) else { return true }
      return rightToLeft.contains(scalars.first!)
        && rightToLeft.contains(scalars.last!)
        && !scalars.contains(where: leftToRight.contains)
    }

    /// RFC 3454 table C.1.2, non-ASCII space characters.
    private static let nonASCIISpaces = CodePointRanges("A0 1680 2000-200B 202F 205F 3000")

    /// RFC 3454 table B.1, characters commonly mapped to nothing.
    private static let mappedToNothing = CodePointRanges(
      "AD 34F 1806 180B-180D 200B-200D 2060 FE00-FE0F FEFF"
    )

    /// RFC 3454 tables C.1.2, C.2.1, C.2.2 and C.3 to C.9 together, merged into ranges.
    private static let prohibitedOutput = CodePointRanges(
      """
      0-1F 7F-A0 340-341 6DD 70F 1680 180E 2000-200F 2028-202F 205F-2063 206A-206F 2FF0-2FFB
      3000 D800-F8FF FDD0-FDEF FEFF FFF9-FFFF 1D173-1D17A 1FFFE-1FFFF 2FFFE-2FFFF 3FFFE-3FFFF
      4FFFE-4FFFF 5FFFE-5FFFF 6FFFE-6FFFF 7FFFE-7FFFF 8FFFE-8FFFF 9FFFE-9FFFF AFFFE-AFFFF
      BFFFE-BFFFF CFFFE-CFFFF DFFFE-DFFFF E0001 E0020-E007F EFFFE-10FFFF
      """
    )

    /// RFC 3454 table D.1, characters with bidirectional property R or AL.
    private static let rightToLeft = CodePointRanges(
      """
      5BE 5C0 5C3 5D0-5EA 5F0-5F4 61B 61F 621-63A 640-64A 66D-66F 671-6D5 6DD 6E5-6E6 6FA-6FE
      700-70D 710 712-72C 780-7A5 7B1 200F FB1D FB1F-FB28 FB2A-FB36 FB38-FB3C FB3E FB40-FB41
      FB43-FB44 FB46-FBB1 FBD3-FD3D FD50-FD8F FD92-FDC7 FDF0-FDFC FE70-FE74 FE76-FEFC
      """
    )

    /// RFC 3454 table D.2, characters with bidirectional property L (Unicode 3.2).
    ///
    /// Swift exposes no bidirectional class, so the table is listed; these ranges and the
    /// others here were printed from Python's `stringprep` module, which holds the RFC's
    /// tables, and match those in PostgreSQL's `saslprep.c`.
    private static let leftToRight = CodePointRanges(
      """
      41-5A 61-7A AA B5 BA C0-D6 D8-F6 F8-220 222-233 250-2AD 2B0-2B8 2BB-2C1 2D0-2D1 2E0-2E4
      2EE 37A 386 388-38A 38C 38E-3A1 3A3-3CE 3D0-3F5 400-482 48A-4CE 4D0-4F5 4F8-4F9 500-50F
      531-556 559-55F 561-587 589 903 905-939 93D-940 949-94C 950 958-961 964-970 982-983
      985-98C 98F-990 993-9A8 9AA-9B0 9B2 9B6-9B9 9BE-9C0 9C7-9C8 9CB-9CC 9D7 9DC-9DD 9DF-9E1
      9E6-9F1 9F4-9FA A05-A0A A0F-A10 A13-A28 A2A-A30 A32-A33 A35-A36 A38-A39 A3E-A40 A59-A5C
      A5E A66-A6F A72-A74 A83 A85-A8B A8D A8F-A91 A93-AA8 AAA-AB0 AB2-AB3 AB5-AB9 ABD-AC0 AC9
      ACB-ACC AD0 AE0 AE6-AEF B02-B03 B05-B0C B0F-B10 B13-B28 B2A-B30 B32-B33 B36-B39 B3D-B3E
      B40 B47-B48 B4B-B4C B57 B5C-B5D B5F-B61 B66-B70 B83 B85-B8A B8E-B90 B92-B95 B99-B9A B9C
      B9E-B9F BA3-BA4 BA8-BAA BAE-BB5 BB7-BB9 BBE-BBF BC1-BC2 BC6-BC8 BCA-BCC BD7 BE7-BF2
      C01-C03 C05-C0C C0E-C10 C12-C28 C2A-C33 C35-C39 C41-C44 C60-C61 C66-C6F C82-C83 C85-C8C
      C8E-C90 C92-CA8 CAA-CB3 CB5-CB9 CBE CC0-CC4 CC7-CC8 CCA-CCB CD5-CD6 CDE CE0-CE1 CE6-CEF
      D02-D03 D05-D0C D0E-D10 D12-D28 D2A-D39 D3E-D40 D46-D48 D4A-D4C D57 D60-D61 D66-D6F
      D82-D83 D85-D96 D9A-DB1 DB3-DBB DBD DC0-DC6 DCF-DD1 DD8-DDF DF2-DF4 E01-E30 E32-E33
      E40-E46 E4F-E5B E81-E82 E84 E87-E88 E8A E8D E94-E97 E99-E9F EA1-EA3 EA5 EA7 EAA-EAB
      EAD-EB0 EB2-EB3 EBD EC0-EC4 EC6 ED0-ED9 EDC-EDD F00-F17 F1A-F34 F36 F38 F3E-F47 F49-F6A
      F7F F85 F88-F8B FBE-FC5 FC7-FCC FCF 1000-1021 1023-1027 1029-102A 102C 1031 1038 1040-1057
      10A0-10C5 10D0-10F8 10FB 1100-1159 115F-11A2 11A8-11F9 1200-1206 1208-1246 1248 124A-124D
      1250-1256 1258 125A-125D 1260-1286 1288 128A-128D 1290-12AE 12B0 12B2-12B5 12B8-12BE 12C0
      12C2-12C5 12C8-12CE 12D0-12D6 12D8-12EE 12F0-130E 1310 1312-1315 1318-131E 1320-1346
      1348-135A 1361-137C 13A0-13F4 1401-1676 1681-169A 16A0-16F0 1700-170C 170E-1711 1720-1731
      1735-1736 1740-1751 1760-176C 176E-1770 1780-17B6 17BE-17C5 17C7-17C8 17D4-17DA 17DC
      17E0-17E9 1810-1819 1820-1877 1880-18A8 1E00-1E9B 1EA0-1EF9 1F00-1F15 1F18-1F1D 1F20-1F45
      1F48-1F4D 1F50-1F57 1F59 1F5B 1F5D 1F5F-1F7D 1F80-1FB4 1FB6-1FBC 1FBE 1FC2-1FC4 1FC6-1FCC
      1FD0-1FD3 1FD6-1FDB 1FE0-1FEC 1FF2-1FF4 1FF6-1FFC 200E 2071 207F 2102 2107 210A-2113 2115
      2119-211D 2124 2126 2128 212A-212D 212F-2131 2133-2139 213D-213F 2145-2149 2160-2183
      2336-237A 2395 249C-24E9 3005-3007 3021-3029 3031-3035 3038-303C 3041-3096 309D-309F
      30A1-30FA 30FC-30FF 3105-312C 3131-318E 3190-31B7 31F0-321C 3220-3243 3260-327B 327F-32B0
      32C0-32CB 32D0-32FE 3300-3376 337B-33DD 33E0-33FE 3400-4DB5 4E00-9FA5 A000-A48C AC00-D7A3
      D800-FA2D FA30-FA6A FB00-FB06 FB13-FB17 FF21-FF3A FF41-FF5A FF66-FFBE FFC2-FFC7 FFCA-FFCF
      FFD2-FFD7 FFDA-FFDC 10300-1031E 10320-10323 10330-1034A 10400-10425 10428-1044D
      1D000-1D0F5 1D100-1D126 1D12A-1D166 1D16A-1D172 1D183-1D184 1D18C-1D1A9 1D1AE-1D1DD
      1D400-1D454 1D456-1D49C 1D49E-1D49F 1D4A2 1D4A5-1D4A6 1D4A9-1D4AC 1D4AE-1D4B9 1D4BB
      1D4BD-1D4C0 1D4C2-1D4C3 1D4C5-1D505 1D507-1D50A 1D50D-1D514 1D516-1D51C 1D51E-1D539
      1D53B-1D53E 1D540-1D544 1D546 1D54A-1D550 1D552-1D6A3 1D6A8-1D7C9 20000-2A6D6 2F800-2FA1D
      F0000-FFFFD 100000-10FFFD
      """
    )
  }
}

/// A set of Unicode code points, held as sorted, disjoint ranges.
private struct CodePointRanges: Sendable {
  /// The ranges, in ascending order.
  private let ranges: [ClosedRange<UInt32>]

  /// Parses a listing of hexadecimal code points and ranges, such as `"41-5A 61"`, given in
  /// ascending order and separated by white space.
  init(_ listing: String) {
    ranges = listing.split(whereSeparator: \.isWhitespace).map { token in
      let bounds = token.split(separator: "-").map { UInt32($0, radix: 16)! }
      return bounds[0]...bounds[bounds.count - 1]
    }
  }

  /// Whether `scalar` lies in one of the ranges.
  func contains(_ scalar: Unicode.Scalar) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].upperBound < scalar.value {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low < ranges.count && ranges[low].contains(scalar.value)
  }
}
