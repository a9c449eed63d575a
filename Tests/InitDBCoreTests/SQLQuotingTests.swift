import Testing

@testable import InitDBCore

@Suite struct SQLQuotingTests {
  @Test(arguments: [
    ("worker_app", #""worker_app""#),
    ("Mixed Case", #""Mixed Case""#),
    (#"say "hi""#, #""say ""hi""""#),
    (#"back\slash"#, #""back\slash""#),
    ("it's", #""it's""#),
    ("größe_ß", #""größe_ß""#),
    ("日本語", #""日本語""#),
    ("emoji🐘", #""emoji🐘""#),
  ])
  func quotesIdentifiers(name: String, expected: String) throws {
    #expect(try SQLQuoting.identifier(name) == expected)
  }

  @Test func acceptsIdentifiersOfExactlySixtyThreeBytes() throws {
    let ascii = String(repeating: "a", count: 63)
    // 21 three-byte characters: 63 bytes in UTF-8, though only 21 characters.
    let multibyte = String(repeating: "語", count: 21)

    #expect(try SQLQuoting.identifier(ascii) == "\"\(ascii)\"")
    #expect(try SQLQuoting.identifier(multibyte) == "\"\(multibyte)\"")
  }

  @Test func rejectsIdentifiersOverSixtyThreeBytes() {
    let ascii = String(repeating: "a", count: 64)
    // 22 characters, but 64 bytes: PostgreSQL counts bytes.
    let multibyte = String(repeating: "語", count: 21) + "a"

    for name in [ascii, multibyte] {
      #expect(throws: InitDBError.self) { try SQLQuoting.identifier(name) }
    }
  }

  @Test func rejectsEmptyIdentifiersAndNul() {
    #expect(throws: InitDBError.self) { try SQLQuoting.identifier("") }
    #expect(throws: InitDBError.self) { try SQLQuoting.identifier("a\0b") }
  }

  @Test(arguments: [
    ("plain", "'plain'"),
    ("", "''"),
    ("it's", "'it''s'"),
    ("''", "''''''"),
    (#"double "quotes""#, #"'double "quotes"'"#),
    (#"back\slash"#, #"E'back\\slash'"#),
    (#"both\'"#, #"E'both\\'''"#),
    ("'; DROP ROLE worker_app; --", "'''; DROP ROLE worker_app; --'"),
    ("$1 `cmd` $$", "'$1 `cmd` $$'"),
    ("unicode ß 日本 🐘", "'unicode ß 日本 🐘'"),
  ])
  func quotesLiterals(value: String, expected: String) throws {
    #expect(try SQLQuoting.literal(value) == expected)
  }

  @Test func rejectsLiteralsWithNul() {
    #expect(throws: InitDBError.self) { try SQLQuoting.literal("a\0b") }
  }
}
