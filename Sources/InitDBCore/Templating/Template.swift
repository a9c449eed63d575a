/// A parsed template in a small subset of Mustache.
///
/// The subset is what generated shell and SQL need, and nothing that could surprise a
/// reviewer: `{{name}}` and `{{a.b}}` show a value as it is (no escaping: the renderer
/// quotes values for their language first), `{{#name}}…{{/name}}` repeats or shows a
/// block, `{{^name}}…{{/name}}` shows it when the value is false or empty, `{{> name}}`
/// includes another template, and `{{! …}}` is a comment. A line that holds nothing but
/// one block, comment or include tag leaves no trace in the output, so templates can be
/// laid out for reading without adding blank lines to what they render.
public struct Template: Sendable {
  /// The name used in error messages, usually the file name.
  public let name: String

  let nodes: [TemplateNode]

  /// Parses template source.
  ///
  /// - Parameters:
  ///   - name: The name used in error messages.
  ///   - source: The template text.
  /// - Throws: `InitDBError.templateSyntax` naming the line of the first mistake.
  public init(name: String, source: String) throws {
    self.name = name
    let tokens = try TemplateTokenizer(templateName: name).tokenize(source)
    var parser = TemplateParser(templateName: name, tokens: tokens)
    self.nodes = try parser.parseAll()
  }
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
  case text(String)
  case value(path: String, line: Int)
  case section(path: String, inverted: Bool, children: [TemplateNode], line: Int)
  case include(name: String, indent: String, line: Int)
}
