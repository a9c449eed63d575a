import Foundation

/// Reads `KEY=VALUE` files as Docker Compose's `env_file` does, for the variables that
/// verify passes to the first start.
///
/// Blank lines and lines starting with `#` are skipped, as is a leading `export `. A
/// value in single quotes is taken as it is; in double quotes, `\n`, `\"` and `\\` are
/// unescaped; an unquoted value ends before ` #` and loses surrounding spaces.
enum EnvironmentFile {
  /// Reads one file.
  ///
  /// - Parameter path: The file.
  /// - Returns: Its variables.
  /// - Throws: `VerifyError.unreadableEnvironmentFile` naming the file and line.
  static func read(_ path: String) throws -> [String: String] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw VerifyError.unreadableEnvironmentFile(path: path, reason: "cannot read it")
    }
    var variables: [String: String] = [:]

    let lines = String(decoding: data, as: UTF8.self).split(
      separator: "\n",
      omittingEmptySubsequences: false
    )
    for (number, raw) in lines.enumerated() {
      var line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasSuffix("\r") { line.removeLast() }
      guard !line.isEmpty, !line.hasPrefix("#") else { continue }
      if line.hasPrefix("export ") { line.removeFirst("export ".count) }

      guard let equals = line.firstIndex(of: "=") else {
        throw VerifyError.unreadableEnvironmentFile(
          path: path,
          reason: "line \(number + 1) is not KEY=VALUE"
        )
      }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces)
      variables[key] = value(String(line[line.index(after: equals)...]))
    }
    return variables
  }

  /// The value after `=`, with quotes and comments handled.
  static func value(_ text: String) -> String {
    let text = text.trimmingCharacters(in: .whitespaces)

    if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
      return String(text.dropFirst().dropLast())
    }
    if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
      return String(text.dropFirst().dropLast())
        .replacingOccurrences(of: "\\\\", with: "\u{0}")
        .replacingOccurrences(of: "\\n", with: "\n")
        .replacingOccurrences(of: "\\\"", with: "\"")
        .replacingOccurrences(of: "\u{0}", with: "\\")
    }
    if let comment = text.range(of: " #") {
      return text[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
    }
    return text
  }
}
