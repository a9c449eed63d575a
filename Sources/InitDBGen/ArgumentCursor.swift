/// Walks through command-line arguments, one option at a time.
///
/// Options take their value either attached (`--output=DIR`) or as the next argument
/// (`--output DIR`); flags take none. Each subcommand's parser drives a cursor.
struct ArgumentCursor {
  private var remaining: ArraySlice<String>

  /// Makes a cursor over the arguments after the program name.
  init(_ arguments: [String]) {
    self.remaining = arguments[...]
  }

  /// The next argument, split into its name and any attached value.
  mutating func next() -> (name: String, attached: String?)? {
    guard let argument = remaining.popFirst() else { return nil }

    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
      return (argument, nil)
    }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }

  /// The value of an option: the attached one, or the next argument.
  ///
  /// - Throws: `UsageError.missingValue` when there is none.
  mutating func value(_ attached: String?, of option: String) throws(UsageError) -> String {
    if let attached {
      guard !attached.isEmpty else { throw UsageError.missingValue(option) }
      return attached
    }
    guard let next = remaining.first, !next.hasPrefix("-") || next == "-" else {
      throw UsageError.missingValue(option)
    }
    remaining.removeFirst()
    return next
  }

  /// Checks that a flag was given no attached value, as in `--check=yes`.
  ///
  /// - Throws: `UsageError.unexpectedValue`.
  func flag(_ attached: String?, of option: String) throws(UsageError) {
    if attached != nil {
      throw UsageError.unexpectedValue(option)
    }
  }

  /// The error for an argument that no parser recognised.
  static func unrecognised(_ name: String) -> UsageError {
    name.hasPrefix("-") ? .unknownOption(name) : .unexpectedArgument(name)
  }
}
