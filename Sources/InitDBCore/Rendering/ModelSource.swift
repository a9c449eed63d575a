/// Where a model came from, for the header of every generated file.
public struct ModelSource: Equatable, Sendable {
  /// How the header names the model, for example `the built-in kivoll model`.
  public let description: String

  /// The command that regenerates the files, for example `swift run initdb-gen`.
  public let regenerateCommand: String

  /// Makes a source description.
  public init(description: String, regenerateCommand: String) {
    self.description = description
    self.regenerateCommand = regenerateCommand
  }

  /// The model declared in Swift inside initdb-gen.
  public static func builtIn(_ model: PermissionModel) -> ModelSource {
    ModelSource(
      description: "the built-in \(model.name) model in Sources/InitDBCore/Model",
      regenerateCommand: "swift run initdb-gen"
    )
  }
}
