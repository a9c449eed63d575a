/// A value that a template can show, test or repeat.
///
/// Templates see a tree of these: the renderer turns the permission model into one,
/// already quoted for the file's language, so the template engine never escapes
/// anything itself.
public enum TemplateValue: Equatable, Sendable {
  /// Text shown as it is by `{{name}}`.
  case text(String)

  /// A flag: a section renders once when it is true and not at all when false.
  case flag(Bool)

  /// A list: a section renders once per element, with the element in scope.
  case list([TemplateValue])

  /// Named values: a section renders once, with these names in scope.
  case object([String: TemplateValue])

  /// Whether a section over this value renders at least once.
  var isTruthy: Bool {
    switch self {
    case .text(let text): !text.isEmpty
    case .flag(let flag): flag
    case .list(let elements): !elements.isEmpty
    case .object: true
    }
  }
}

extension TemplateValue: ExpressibleByStringLiteral {
  /// Makes a text value from a string literal.
  public init(stringLiteral value: String) {
    self = .text(value)
  }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
  /// Makes a flag from a Boolean literal.
  public init(booleanLiteral value: Bool) {
    self = .flag(value)
  }
}

extension TemplateValue: ExpressibleByArrayLiteral {
  /// Makes a list from an array literal.
  public init(arrayLiteral elements: TemplateValue...) {
    self = .list(elements)
  }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
  /// Makes named values from a dictionary literal.
  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
