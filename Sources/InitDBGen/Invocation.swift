/// What the user asked initdb-gen to do, parsed from the command line.
enum Invocation: Equatable {
  /// Render the model into the init folder, or compare with it.
  case generate(GenerateOptions)

  /// Print a model as a model file.
  case model(modelFile: String?)

  /// Print the audit script of a model.
  case audit(modelFile: String?)

  /// Show the help text.
  case help

  /// Show the version.
  case version
}

/// The options of the default command.
struct GenerateOptions: Equatable {
  /// The folder to write or check; `nil` means `local/initdb` of the repository, with
  /// the other generated artifacts beside it.
  var output: String?

  /// A model file to render instead of the built-in kivoll model; needs `output`.
  var modelFile: String?

  /// Compare instead of writing, and fail when anything differs.
  var check = false
}
