/// Nests a flat token list into blocks, checking that every block is closed in order.
struct TemplateParser {
  let templateName: String
  let tokens: [TemplateToken]
  private var position = 0

  init(templateName: String, tokens: [TemplateToken]) {
    self.templateName = templateName
    self.tokens = tokens
  }

  mutating func parseAll() throws -> [TemplateNode] {
    try parseBlock(closing: nil)
  }

  /// Parses nodes until the close tag of `closing`, or the end when it is `nil`.
  private mutating func parseBlock(closing: (path: String, line: Int)?) throws -> [TemplateNode] {
    var nodes: [TemplateNode] = []

    while position < tokens.count {
      let token = tokens[position]
      position += 1

      switch token {
      case .text(let text):
        nodes.append(.text(text))
      case .value(let path, let line):
        nodes.append(.value(path: path, line: line))
      case .include(let name, let indent, let line):
        nodes.append(.include(name: name, indent: indent, line: line))
      case .open(let path, let inverted, let line):
        let children = try parseBlock(closing: (path, line))
        nodes.append(.section(path: path, inverted: inverted, children: children, line: line))
      case .close(let path, let line):
        guard let closing, closing.path == path else {
          throw InitDBError.templateSyntax(
            template: templateName,
            line: line,
            message: "{{/\(path)}} closes no open block"
              + (closing.map { " ({{#\($0.path)}} from line \($0.line) is open)" } ?? "")
          )
        }
        return nodes
      }
    }

    if let closing {
      throw InitDBError.templateSyntax(
        template: templateName,
        line: closing.line,
        message: "{{#\(closing.path)}} is never closed"
      )
    }
    return nodes
  }
}
