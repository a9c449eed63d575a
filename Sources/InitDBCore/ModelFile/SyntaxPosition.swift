import Foundation

/// Where in a model file a JSON syntax error is, from Foundation's description of it.
///
/// Foundation reports a byte offset ("Invalid value around character 25.") or the end
/// of the file, never a line; people read lines and columns.
struct SyntaxPosition {
  /// The line, from 1, when the error says where it is.
  let line: Int?

  /// The column in bytes, from 1.
  let column: Int?

  /// What is wrong, in lowercase.
  let reason: String

  /// Works out the position from the file's bytes and Foundation's debug description.
  init(data: Data, detail: String?) {
    let bytes = [UInt8](data)
    let detail = detail ?? "the data is not in the correct format"

    if let offset = Self.offset(in: detail) {
      (line, column) = Self.lineAndColumn(of: min(offset, bytes.count), in: bytes)
      reason = "unexpected character"
    } else if detail.lowercased().contains("end of file") {
      (line, column) = Self.lineAndColumn(of: bytes.count, in: bytes)
      reason = "the file ends before the JSON value does"
    } else {
      (line, column) = (nil, nil)
      reason = detail.prefix(1).lowercased() + detail.dropFirst()
    }
  }

  /// The number after "character", as in "Invalid value around character 25."
  private static func offset(in detail: String) -> Int? {
    guard let range = detail.range(of: "character ") else { return nil }
    return Int(detail[range.upperBound...].prefix { $0.isNumber })
  }

  private static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    let before = bytes[..<offset]
    let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    return (line, offset - lineStart + 1)
  }
}
