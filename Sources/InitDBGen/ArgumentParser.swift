/// Turns command-line arguments into an `Invocation`, without touching anything else.
///
/// The first argument may name a subcommand; without one, initdb-gen renders the model.
/// Each subcommand parses its own options with an `ArgumentCursor`.
enum ArgumentParser {
  /// Parses the arguments that follow the program name.
  ///
  /// - Parameter arguments: The arguments, for example `["--check"]`.
  /// - Returns: What to do.
  /// - Throws: `UsageError` naming the argument that is wrong.
  static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
    switch arguments.first {
    case "model":
      return .model(modelFile: try parseModelOption(ArgumentCursor(Array(arguments.dropFirst()))))
    case "audit":
      return .audit(modelFile: try parseModelOption(ArgumentCursor(Array(arguments.dropFirst()))))
    default:
      return try parseGenerate(ArgumentCursor(arguments))
    }
  }

  /// Parses the options of the default command.
  private static func parseGenerate(_ cursor: ArgumentCursor) throws(UsageError) -> Invocation {
    var cursor = cursor
    var options = GenerateOptions()

    while let (name, attached) = cursor.next() {
      switch name {
      case "-h", "--help":
        return .help
      case "--version":
        return .version
      case "--check":
        try cursor.flag(attached, of: name)
        options.check = true
      case "-o", "--output":
        options.output = try cursor.value(attached, of: name)
      case "-m", "--model":
        options.modelFile = try cursor.value(attached, of: name)
      default:
        throw ArgumentCursor.unrecognised(name)
      }
    }
    // Another model's files belong to another project: never kivoll's README or env files.
    if options.modelFile != nil, options.output == nil {
      throw UsageError.modelNeedsOutput
    }
    return .generate(options)
  }

  /// Parses the one option of `model` and `audit`: which model file, if any.
  private static func parseModelOption(_ cursor: ArgumentCursor) throws(UsageError) -> String? {
    var cursor = cursor
    var modelFile: String?

    while let (name, attached) = cursor.next() {
      switch name {
      case "-m", "--model":
        modelFile = try cursor.value(attached, of: name)
      default:
        throw ArgumentCursor.unrecognised(name)
      }
    }
    return modelFile
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

  /// A model file given without a folder to write its init files to.
  case modelNeedsOutput

  var description: String {
    switch self {
    case .unknownOption(let option): "unknown option '\(option)'"
    case .missingValue(let option): "missing value for option '\(option)'"
    case .unexpectedValue(let option): "option '\(option)' takes no value"
    case .unexpectedArgument(let argument): "unexpected argument '\(argument)'"
    case .modelNeedsOutput:
      "--model needs --output DIR: another model's init folder does not go into local/initdb"
    }
  }
}
