import InitDBCore

/// Prints the SCRAM-SHA-256 verifier of the password on standard input.
struct HashPasswordCommand {
  let options: HashPasswordOptions

  /// Runs the command: the verifier on stdout and nothing else, errors on stderr.
  ///
  /// - Returns: `.success`, or `.failure` when there is no usable password.
  func run() -> ExitStatus {
    do {
      let password = try PasswordInput.read()

      let verifier = SCRAMVerifier(password: password, iterations: options.iterations)
      Console.output(verifier.text)
      return .success
    } catch {
      Console.error("error: \(error)")
      return .failure
    }
  }
}
