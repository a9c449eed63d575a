import InitDBCore

/// Prints a model as a model file (`initdb-gen model`) or its audit script
/// (`initdb-gen audit`) on stdout.
struct PrintCommand {
  /// What to print.
  enum Output {
    /// The model in the JSON model file format.
    case model

    /// The read-only audit script.
    case audit
  }

  /// The model file, or `nil` for the built-in kivoll model.
  let modelFile: String?

  /// What to print.
  let output: Output

  /// Runs the command, reporting errors on stderr.
  ///
  /// - Returns: `.success`, or `.failure` when the model cannot be read or rendered.
  func run() -> ExitStatus {
    do {
      let command = modelFile.map { "initdb-gen audit --model \($0)" } ?? "swift run initdb-gen"
      let (model, source) = try ModelLoader.load(modelFile, regenerateCommand: command)

      switch output {
      case .model:
        Console.output(ModelFile.encode(model), terminator: "")
      case .audit:
        let renderer = ArtifactRenderer(library: try TemplateLibrary.bundled(), source: source)
        Console.output(try renderer.audit(model), terminator: "")
      }
      return .success
    } catch {
      Console.error("error: \(error)")
      return .failure
    }
  }
}
