import Foundation

/// Reads `KEY=VALUE` files as Docker Compose's `env_file` does, for the variables that
/// verify passes to the first start.
///
/// Blank lines and lines starting with `#` are skipped, as is a leading `export `. A
/// value in single quotes is taken as it is. In double quotes, `\n`, `\"` and `\\` are
/// unescaped; an unquoted value ends before ` #` and loses surrounding spaces. Outside
/// single quotes, `$$` is a `$`, and `$NAME` and `${NAME}` take the value of a variable
/// set earlier in the files or in verify's own environment, as Compose does.
enum EnvironmentFile {
  /// Reads one file.
  ///
  /// - Parameter path: The file.
  /// - Returns: Its variables.
  /// - Throws: `VerifyError.unreadableEnvironmentFile` naming the file and line.
  static func read(_ path: String, known: [String: String] = [:]) throws -> [String: String] {
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
      let scope = known.merging(variables) { $1 }
      variables[key] = value(String(line[line.index(after: equals)...]), variables: scope)
    }
    return variables
  }

  /// The value after `=`, with quotes, comments and `$` handled.
  static func value(_ text: String, variables: [String: String] = [:]) -> String {
    let text = text.trimmingCharacters(in: .whitespaces)

    if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
      return String(text.dropFirst().dropLast())
    }
    if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
      let unescaped = String(text.dropFirst().dropLast())
        .replacingOccurrences(of: "\\\\", with: "\u{0}")
        .replacingOccurrences(of: "\\n", with: "\n")
        .replacingOccurrences(of: "\\\"", with: "\"")
        .replacingOccurrences(of: "\u{0}", with: "\\")
      return interpolated(unescaped, variables: variables)
    }
    if let comment = text.range(of: " #") {
      let bare = text[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
      return interpolated(bare, variables: variables)
    }
    return interpolated(text, variables: variables)
  }

  /// Replaces `$$`, `$NAME` and `${NAME}`; an unset name gives an empty string.
  private static func interpolated(_ text: String, variables: [String: String]) -> String {
    var result = ""
    var rest = Substring(text)

    while let dollar = rest.firstIndex(of: "$") {
      result += rest[..<dollar]
      rest = rest[rest.index(after: dollar)...]

      if rest.first == "$" {
        result += "$"
        rest = rest.dropFirst()
      } else if rest.first == "{", let close = rest.firstIndex(of: "}") {
        result += variables[String(rest[rest.index(after: rest.startIndex)..<close])] ?? ""
        rest = rest[rest.index(after: close)...]
      } else {
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        result += name.isEmpty ? "$" : variables[String(name)] ?? ""
        rest = rest.dropFirst(name.count)
      }
    }
    return result + rest
  }
}
