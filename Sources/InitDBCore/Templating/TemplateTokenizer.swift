/// A lexical piece of a template, before blocks are nested.
enum TemplateToken: Equatable {
  case text(String)
  case value(path: String, line: Int)
  case open(path: String, inverted: Bool, line: Int)
  case close(path: String, line: Int)
  case include(name: String, indent: String, line: Int)
}

/// Splits template source into tokens, one line at a time.
///
/// Working by line is what lets a tag that stands alone on its line vanish with that
/// line, and keeps every error tied to a line number.
struct TemplateTokenizer {
  let templateName: String

  func tokenize(_ source: String) throws -> [TemplateToken] {
    var tokens: [TemplateToken] = []
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)

    for (index, line) in lines.enumerated() {
      let isLast = index == lines.count - 1
      let pieces = try split(line: String(line), number: index + 1)

      if let standalone = standaloneToken(pieces) {
        tokens.append(contentsOf: standalone)
        continue
      }

      tokens.append(contentsOf: pieces.compactMap { $0 })
      if !isLast {
        tokens.append(.text("\n"))
      }
    }
    return tokens
  }

  /// Returns the token of a line that holds only one block, comment or include tag.
  ///
  /// A comment yields no token, hence the array.
  private func standaloneToken(_ pieces: [TemplateToken?]) -> [TemplateToken]? {
    var indent = ""
    var tags: [TemplateToken?] = []

    for piece in pieces {
      switch piece {
      case .text(let text) where text.allSatisfy({ $0 == " " || $0 == "\t" }):
        if tags.isEmpty { indent += text }
      case .text, .value:
        return nil
      case .open, .close, .include, nil:
        tags.append(piece)
      }
    }
    guard tags.count == 1, let tag = tags[0] else {
      return tags.count == 1 ? [] : nil
    }
    if case .include(let name, _, let line) = tag {
      return [.include(name: name, indent: indent, line: line)]
    }
    return [tag]
  }

  /// Splits one line into text and tags; a comment tag becomes `nil`.
  private func split(line: String, number: Int) throws -> [TemplateToken?] {
    var pieces: [TemplateToken?] = []
    var rest = Substring(line)

    while let open = rest.range(of: "{{") {
      if open.lowerBound > rest.startIndex {
        pieces.append(.text(String(rest[..<open.lowerBound])))
      }
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        throw syntaxError("a tag opened with {{ is not closed on the same line", line: number)
      }
      let body = rest[open.upperBound..<close.lowerBound]
      pieces.append(try token(for: body, line: number))
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty {
      pieces.append(.text(String(rest)))
    }
    return pieces
  }

  private func token(for body: Substring, line: Int) throws -> TemplateToken? {
    guard let sigil = body.first else {
      throw syntaxError("empty tag {{}}", line: line)
    }
    let argument = body.dropFirst().trimmingSpaces()

    switch sigil {
    case "!":
      return nil
    case "#", "^", "/", ">":
      guard isName(argument) else {
        throw syntaxError("'\(argument)' is not a name in tag {{\(body)}}", line: line)
      }
      switch sigil {
      case "#": return .open(path: argument, inverted: false, line: line)
      case "^": return .open(path: argument, inverted: true, line: line)
      case "/": return .close(path: argument, line: line)
      default: return .include(name: argument, indent: "", line: line)
      }
    default:
      let path = body.trimmingSpaces()
      guard isName(path) else {
        throw syntaxError("'\(path)' is not a name in tag {{\(body)}}", line: line)
      }
      return .value(path: path, line: line)
    }
  }

  private func isName(_ text: String) -> Bool {
    text == "."
      || (!text.isEmpty
        && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" })
  }

  private func syntaxError(_ message: String, line: Int) -> InitDBError {
    .templateSyntax(template: templateName, line: line, message: message)
  }
}

extension Substring {
  func trimmingSpaces() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
