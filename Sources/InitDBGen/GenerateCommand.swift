import Foundation
import InitDBCore

/// Renders the model into the init folder and the other generated artifacts, or checks
/// that they are current.
struct GenerateCommand {
  let options: GenerateOptions

  /// Runs the command, reporting errors on stderr.
  ///
  /// - Returns: `.success`, or `.failure` on an error or a stale file.
  func run() -> ExitStatus {
    do {
      let (folder, artifacts) = try targets()
      let (model, source) = try ModelLoader.load(options.modelFile, regenerateCommand: command)
      let library = try TemplateLibrary.bundled()
      let files = try Renderer(library: library, source: source).render(model)
      let rendered = try artifacts.map { root in
        ArtifactSet(
          root: root,
          artifacts: try ArtifactRenderer(library: library, source: source).render(model)
        )
      }

      if options.check {
        return try check(files, against: folder, artifacts: rendered)
      }
      try write(files, to: folder, artifacts: rendered)
      return .success
    } catch {
      Console.error("error: \(error)")
      return .failure
    }
  }

  /// The command that generated files name in their header.
  private var command: String {
    guard let modelFile = options.modelFile, let output = options.output else {
      return "swift run initdb-gen"
    }
    return "initdb-gen --model \(modelFile) --output \(output)"
  }

  /// The init folder, and the repository root whose other artifacts are generated too:
  /// only for the built-in model written to the repository's own `local/initdb`.
  private func targets() throws -> (InitFolder, URL?) {
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    if let output = options.output {
      return (InitFolder(url: URL(fileURLWithPath: output, relativeTo: workingDirectory)), nil)
    }
    guard let repository = Repository.enclosing(workingDirectory) else {
      throw CommandError.notInRepository
    }
    return (InitFolder(url: repository.initFolder), repository.root)
  }

  private func write(_ files: [RenderedFile], to folder: InitFolder, artifacts: ArtifactSet?)
    throws
  {
    // Rendering the artifacts against their files first finds missing markers before
    // anything is written.
    _ = try artifacts?.differences()

    let initFolder = folder.url.lastPathComponent
    for difference in try folder.write(files) {
      Console.error("initdb-gen: \(action(for: difference.kind)) \(initFolder)/\(difference.name)")
    }
    for difference in try artifacts?.write() ?? [] {
      Console.error("initdb-gen: \(action(for: difference.kind)) \(difference.name)")
    }
  }

  private func action(for kind: FileDifference.Kind) -> String {
    switch kind {
    case .missing: "wrote"
    case .changed, .runBit: "updated"
    case .stale: "removed"
    }
  }

  /// Prints a diff of every stale file on stdout, and a summary with advice on stderr.
  private func check(_ files: [RenderedFile], against folder: InitFolder, artifacts: ArtifactSet?)
    throws -> ExitStatus
  {
    let folderDifferences = try folder.differences(from: files)
    let artifactDifferences = try artifacts?.differences() ?? []
    guard !folderDifferences.isEmpty || !artifactDifferences.isEmpty else { return .success }

    for difference in folderDifferences + artifactDifferences {
      if case .changed(let diff) = difference.kind {
        Console.output(diff, terminator: "")
      }
    }
    if !folderDifferences.isEmpty {
      Console.error("error: \(folder.url.relativePath) is not what the model renders:")
      folderDifferences.forEach { Console.error("  \($0)") }
    }
    if !artifactDifferences.isEmpty {
      Console.error("error: these generated files are not what the model renders:")
      artifactDifferences.forEach { Console.error("  \($0)") }
    }
    Console.error(
      "Generated files are not edited by hand: change the model, then run "
        + "`\(command)` to regenerate them."
    )
    return .failure
  }
}

/// A failure of the command line itself, outside the library.
enum CommandError: Error, CustomStringConvertible {
  /// No output folder was given and the working directory is outside the repository.
  case notInRepository

  var description: String {
    switch self {
    case .notInRepository:
      "the working directory is not inside the initdb-gen repository; "
        + "run initdb-gen from there, or name a folder with --output DIR"
    }
  }
}
