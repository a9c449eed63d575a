/// Turns command-line arguments into an `Invocation`, without touching anything else.
enum ArgumentParser {
  /// Parses the arguments that follow the program name.
  ///
  /// - Parameter arguments: The arguments, for example `["--check"]`.
  /// - Returns: What to do.
  /// - Throws: `UsageError` naming the argument that is wrong.
  static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
    var options = GenerateOptions()
    var remaining = arguments[...]

    while let argument = remaining.popFirst() {
      let (name, attached) = split(argument)

      switch name {
      case "-h", "--help":
        return .help
      case "--version":
        return .version
      case "--check":
        try rejectValue(attached, of: name)
        options.check = true
      case "-o", "--output":
        options.output = try value(attached, of: name, from: &remaining)
      default:
        if name.hasPrefix("-") {
          throw UsageError.unknownOption(name)
        }
        throw UsageError.unexpectedArgument(argument)
      }
    }
    return .generate(options)
  }

  /// Splits `--name=value` into its name and value.
  private static func split(_ argument: String) -> (name: String, value: String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
      return (argument, nil)
    }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }

  private static func value(
    _ attached: String?,
    of option: String,
    from remaining: inout ArraySlice<String>
  ) throws(UsageError) -> String {
    if let attached {
      guard !attached.isEmpty else { throw UsageError.missingValue(option) }
      return attached
    }
    guard let next = remaining.popFirst(), !next.hasPrefix("-") || next == "-" else {
      throw UsageError.missingValue(option)
    }
    return next
  }

  private static func rejectValue(_ attached: String?, of option: String) throws(UsageError) {
    if attached != nil {
      throw UsageError.unexpectedValue(option)
    }
  }
}

/// A command line that initdb-gen cannot make sense of.
enum UsageError: Error, Equatable, CustomStringConvertible {
  /// An option that initdb-gen does not have.
  case unknownOption(String)

  /// An option that needs a value, given none.
  case missingValue(String)

  /// A flag given a value, as in `--check=yes`.
  case unexpectedValue(String)

  /// A word that is neither an option nor a command.
  case unexpectedArgument(String)

  var description: String {
    switch self {
    case .unknownOption(let option): "unknown option '\(option)'"
    case .missingValue(let option): "missing value for option '\(option)'"
    case .unexpectedValue(let option): "option '\(option)' takes no value"
    case .unexpectedArgument(let argument): "unexpected argument '\(argument)'"
    }
  }
}
