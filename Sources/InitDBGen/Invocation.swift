/// What the user asked initdb-gen to do, parsed from the command line.
enum Invocation: Equatable {
  /// Render the model into the init folder, or compare with it.
  case generate(GenerateOptions)

  /// Compute a SCRAM-SHA-256 verifier for the password on standard input.
  case hashPassword(HashPasswordOptions)

  /// Show the help text.
  case help

  /// Show the version.
  case version
}

/// The options of the default command.
struct GenerateOptions: Equatable {
  /// The folder to write or check; `nil` means `local/initdb` of the repository.
  var output: String?

  /// Compare instead of writing, and fail when anything differs.
  var check = false
}
