import InitDBCore

/// Runs what the command line asks for and turns every outcome into an exit status.
enum CommandRunner {
  /// Parses the arguments and runs the command.
  ///
  /// - Parameter arguments: The arguments after the program name.
  /// - Returns: The status to exit with.
  static func run(_ arguments: [String]) -> ExitStatus {
    let invocation: Invocation
    do {
      invocation = try ArgumentParser.parse(arguments)
    } catch {
      Console.error("error: \(error)")
      Console.error(Usage.synopsis)
      Console.error("See 'initdb-gen --help' for more information.")
      return .usage
    }

    switch invocation {
    case .help:
      Console.output(Usage.help)
      return .success
    case .version:
      Console.output(Usage.version)
      return .success
    case .generate(let options):
      return GenerateCommand(options: options).run()
    case .model(let modelFile):
      return PrintCommand(modelFile: modelFile, output: .model).run()
    case .audit(let modelFile):
      return PrintCommand(modelFile: modelFile, output: .audit).run()
    }
  }
}
