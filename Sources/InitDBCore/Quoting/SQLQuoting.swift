/// Quoting of names and values for PostgreSQL's SQL.
///
/// Everything the renderer writes into SQL goes through here, so that no name or
/// value is ever spliced into a statement as it is.
public enum SQLQuoting {
  /// The longest identifier PostgreSQL keeps, in bytes (NAMEDATALEN - 1); a longer one
  /// is silently truncated, which would make two model names collide.
  public static let maximumIdentifierBytes = 63

  /// Quotes an identifier: double quotes around it, inner double quotes doubled.
  ///
  /// - Parameter name: Any name PostgreSQL can store.
  /// - Returns: The quoted identifier, for example `"worker_app"`.
  /// - Throws: `InitDBError.unquotable` for an empty name, a NUL character, or a name
  ///   longer than 63 bytes in UTF-8.
  public static func identifier(_ name: String) throws -> String {
    guard !name.isEmpty else {
      throw InitDBError.unquotable(value: name, reason: "an identifier cannot be empty")
    }
    guard !name.unicodeScalars.contains("\0") else {
      throw InitDBError.unquotable(value: name, reason: "an identifier cannot hold NUL")
    }
    guard name.utf8.count <= maximumIdentifierBytes else {
      throw InitDBError.unquotable(
        value: name,
        reason: "\(name.utf8.count) bytes is over PostgreSQL's limit of "
          + "\(maximumIdentifierBytes) bytes for an identifier"
      )
    }
    return "\"" + doubling("\"", in: name) + "\""
  }

  /// Quotes a string literal, the way libpq's `PQescapeLiteral` does.
  ///
  /// Single quotes are doubled. A value with a backslash is written as an escape string
  /// (`E'…'`, backslashes doubled), so it means the same whatever the server's
  /// `standard_conforming_strings` says.
  ///
  /// - Parameter value: Any text without NUL.
  /// - Returns: The quoted literal, for example `'worker_owner'`.
  /// - Throws: `InitDBError.unquotable` when the value holds NUL, which no PostgreSQL
  ///   text can.
  public static func literal(_ value: String) throws -> String {
    guard !value.unicodeScalars.contains("\0") else {
      throw InitDBError.unquotable(value: value, reason: "a string literal cannot hold NUL")
    }
    let quoted = doubling("'", in: value)

    guard value.utf8.contains(UInt8(ascii: "\\")) else {
      return "'" + quoted + "'"
    }
    return "E'" + doubling("\\", in: quoted) + "'"
  }

  /// `text` with every `character` written twice. Names rarely hold one, and a large
  /// model quotes tens of thousands of them, so the common case returns `text` as it is.
  private static func doubling(_ character: Character, in text: String) -> String {
    if let byte = character.asciiValue, !text.utf8.contains(byte) {
      return text
    }
    return text.replacingOccurrences(
      of: String(character),
      with: String(repeating: character, count: 2)
    )
  }
}
