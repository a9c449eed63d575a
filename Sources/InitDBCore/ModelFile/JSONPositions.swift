/// The line and column where each value of a JSON text starts, by JSON path.
///
/// Foundation's parser keeps no positions, so this scanner walks the text (already
/// known to be valid JSON) once more and notes where every value starts; an object
/// member is noted at its key, where a person looks for it.
struct JSONPositions {
  /// A position in the text, both numbers from 1; the column counts bytes.
  struct Position: Equatable {
    let line: Int
    let column: Int
  }

  private(set) var positions: [String: Position] = [:]
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0

  /// Scans a JSON text; an invalid one yields the positions found before the error.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    skipWhitespace()
    value(path: "$", at: position)
  }

  /// The position of the value at a path such as `$.roles[1].name`, if it exists.
  subscript(path: String) -> Position? {
    positions[path]
  }

  private var position: Position {
    Position(line: line, column: index - lineStart + 1)
  }

  private mutating func value(path: String, at start: Position) {
    positions[path] = start
    guard index < bytes.count else { return }

    switch bytes[index] {
    case UInt8(ascii: "{"): object(path: path)
    case UInt8(ascii: "["): array(path: path)
    case UInt8(ascii: "\""): string()
    default:
      while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { advance() }
    }
  }

  private mutating func object(path: String) {
    advance()
    skipWhitespace()
    while index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
      let start = position
      let key = string()
      skipWhitespace()
      advance()  // the colon
      skipWhitespace()
      value(path: "\(path).\(key)", at: start)
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
        advance()
        skipWhitespace()
      }
    }
    advance()  // the closing brace
  }

  private mutating func array(path: String) {
    advance()
    skipWhitespace()
    var element = 0
    while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
      value(path: "\(path)[\(element)]", at: position)
      element += 1
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
        advance()
        skipWhitespace()
      }
    }
    advance()  // the closing bracket
  }

  /// Skips a string and returns its raw content; model keys need no unescaping.
  @discardableResult
  private mutating func string() -> String {
    advance()
    let start = index
    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
      if bytes[index] == UInt8(ascii: "\\") { advance() }
      advance()
    }
    let content = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
    advance()
    return content
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, " \t\r\n".utf8.contains(bytes[index]) { advance() }
  }

  private mutating func advance() {
    guard index < bytes.count else { return }
    if bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    index += 1
  }
}
