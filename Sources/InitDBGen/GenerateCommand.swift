import Foundation
import InitDBCore

/// Renders the model into the init folder, or checks that the folder is current.
struct GenerateCommand {
  let options: GenerateOptions

  /// Runs the command, reporting errors on stderr.
  ///
  /// - Returns: `.success`, or `.failure` on an error or a stale folder.
  func run() -> ExitStatus {
    do {
      let folder = try outputFolder()
      let files = try render()

      if options.check {
        return try check(files, against: folder)
      }
      try write(files, to: folder)
      return .success
    } catch {
      Console.error("error: \(error)")
      return .failure
    }
  }

  private func render() throws -> [RenderedFile] {
    let model = PermissionModel.kivoll
    let renderer = Renderer(library: try TemplateLibrary.bundled(), source: .builtIn(model))
    return try renderer.render(model)
  }

  private func outputFolder() throws -> InitFolder {
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    if let output = options.output {
      return InitFolder(url: URL(fileURLWithPath: output, relativeTo: workingDirectory))
    }
    guard let repository = Repository.enclosing(workingDirectory) else {
      throw CommandError.notInRepository
    }
    return InitFolder(url: repository.initFolder)
  }

  private func write(_ files: [RenderedFile], to folder: InitFolder) throws {
    let resolved = try folder.write(files)

    for difference in resolved {
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
  private func check(_ files: [RenderedFile], against folder: InitFolder) throws -> ExitStatus {
    let differences = try folder.differences(from: files)
    guard !differences.isEmpty else { return .success }

    for difference in differences {
      if case .changed(let diff) = difference.kind {
        Console.output(diff, terminator: "")
      }
    }
    Console.error("error: \(folder.url.relativePath) is not what the model renders:")
    differences.forEach { Console.error("  \($0)") }
    Console.error(
      "Generated files are not edited by hand: change the model, then run "
        + "`swift run initdb-gen` to regenerate them."
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
