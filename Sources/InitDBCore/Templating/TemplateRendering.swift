extension Template {
  /// Renders the template with the given values.
  ///
  /// - Parameters:
  ///   - context: The values in scope at the top level, usually an object.
  ///   - library: Where `{{> name}}` includes are looked up.
  /// - Returns: The rendered text.
  /// - Throws: `InitDBError.templateValueMissing` when a tag names a value that is not
  ///   in scope, or `InitDBError.templateNotFound` for an unknown include.
  public func render(_ context: TemplateValue, library: TemplateLibrary) throws -> String {
    var renderer = TemplateRenderer(template: self, library: library, output: "")
    try renderer.render(nodes, scopes: [context])
    return renderer.output
  }
}

/// Walks a template's nodes, appending what they produce.
struct TemplateRenderer {
  let template: Template
  let library: TemplateLibrary
  var output: String

  mutating func render(_ nodes: [TemplateNode], scopes: [TemplateValue]) throws {
    for node in nodes {
      switch node {
      case .text(let text):
        output += text
      case .value(let path, let line):
        output += try text(of: lookUp(path, in: scopes, line: line), path: path, line: line)
      case .section(let path, let inverted, let children, let line):
        let value = try lookUp(path, in: scopes, line: line)
        try renderSection(children, value: value, inverted: inverted, scopes: scopes)
      case .include(let name, let indent, let line):
        try renderInclude(name, indent: indent, scopes: scopes, line: line)
      }
    }
  }

  private mutating func renderSection(
    _ children: [TemplateNode],
    value: TemplateValue,
    inverted: Bool,
    scopes: [TemplateValue]
  ) throws {
    if inverted {
      if !value.isTruthy { try render(children, scopes: scopes) }
      return
    }

    switch value {
    case .list(let elements):
      for element in elements {
        try render(children, scopes: scopes + [element])
      }
    case .object:
      try render(children, scopes: scopes + [value])
    case .text, .flag:
      if value.isTruthy { try render(children, scopes: scopes) }
    }
  }

  private mutating func renderInclude(
    _ name: String,
    indent: String,
    scopes: [TemplateValue],
    line: Int
  ) throws {
    guard let included = library.templates[name] else {
      throw InitDBError.templateNotFound(name: name, includedBy: template.name, line: line)
    }
    var inner = TemplateRenderer(template: included, library: library, output: "")
    try inner.render(included.nodes, scopes: scopes)

    if indent.isEmpty {
      output += inner.output
    } else {
      output += Self.indenting(inner.output, by: indent)
    }
  }

  /// Indents every non-empty line, so that an indented include keeps its layout.
  private static func indenting(_ text: String, by indent: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : indent + $0 }
      .joined(separator: "\n")
  }

  /// Finds a dotted path: its first name in the innermost scope that has it.
  private func lookUp(_ path: String, in scopes: [TemplateValue], line: Int) throws
    -> TemplateValue
  {
    if path == "." {
      return scopes[scopes.count - 1]
    }
    // Most names have no dot: skip splitting them, which large models feel.
    let names =
      path.utf8.contains(UInt8(ascii: ".")) ? path.split(separator: ".").map(String.init) : [path]

    for scope in scopes.reversed() {
      guard case .object(let values) = scope, let first = values[names[0]] else { continue }
      return try names.dropFirst().reduce(first) { value, name in
        guard case .object(let values) = value, let next = values[name] else {
          throw missing(path, line: line)
        }
        return next
      }
    }
    throw missing(path, line: line)
  }

  private func text(of value: TemplateValue, path: String, line: Int) throws -> String {
    guard case .text(let text) = value else {
      throw InitDBError.templateSyntax(
        template: template.name,
        line: line,
        message: "{{\(path)}} is a block value, not text: use {{#\(path)}}"
      )
    }
    return text
  }

  private func missing(_ path: String, line: Int) -> InitDBError {
    .templateValueMissing(name: path, template: template.name, line: line)
  }
}
