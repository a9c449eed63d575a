import Foundation
import InitDBCore

/// Finds the model a command renders: the built-in kivoll model, or a model file.
enum ModelLoader {
  /// Loads the model and describes where it came from.
  ///
  /// - Parameters:
  ///   - file: A model file as the user named it, or `nil` for the built-in model.
  ///   - regenerateCommand: The command that generated files name in their header.
  /// - Throws: What reading the model file throws.
  static func load(_ file: String?, regenerateCommand: String? = nil) throws
    -> (model: PermissionModel, source: ModelSource)
  {
    guard let file else {
      return (.kivoll, .builtIn(.kivoll))
    }
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let model = try ModelFile.read(
      URL(fileURLWithPath: file, relativeTo: workingDirectory),
      name: file
    )
    let source = ModelSource(
      description: "the model file \(file)",
      regenerateCommand: regenerateCommand ?? "initdb-gen --model \(file)"
    )
    return (model, source)
  }
}
