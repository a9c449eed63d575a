/// Renders what the model decides outside the init folder: the README's permission
/// model section, the example env files, the compose file's env-file list and the
/// audit script.
///
/// Like the init folder, every artifact depends on the model and the templates alone,
/// so `initdb-gen --check` can tell when any of them was edited by hand.
public struct ArtifactRenderer: Sendable {
  /// The README region that holds the generated permission model section.
  public static let readmeRegion = "permission-model"

  /// The compose file region that lists the db service's env files.
  public static let composeRegion = "db-env-files"

  /// The templates the artifacts are made from.
  public let library: TemplateLibrary

  /// Where the model came from, named in every artifact's header.
  public let source: ModelSource

  /// Makes a renderer.
  public init(library: TemplateLibrary, source: ModelSource) {
    self.library = library
    self.source = source
  }

  /// Validates the model and renders every artifact, with paths relative to the
  /// repository root.
  ///
  /// - Throws: The model's first validation error, or a template error.
  public func render(_ model: PermissionModel) throws -> [Artifact] {
    try model.validate()
    let context = ArtifactContext(model: model, source: source)

    var artifacts = [
      Artifact(
        path: "README.md",
        content: .region(
          name: Self.readmeRegion,
          text: try library.render("readme-permission-model.md.template", context.readme())
        )
      ),
      Artifact(
        path: "local/docker-compose.yml",
        content: .region(name: Self.composeRegion, text: context.composeEnvFiles())
      ),
      Artifact(path: "local/audit.sql", content: .file(try audit(model))),
      Artifact(
        path: "local/.env.admin.example",
        content: .file(try library.render("env.template", context.adminEnvFile()))
      ),
    ]
    for service in model.services {
      artifacts.append(
        Artifact(
          path: "local/\(service.exampleEnvFile)",
          content: .file(try library.render("env.template", context.envFile(of: service)))
        )
      )
    }
    return artifacts
  }

  /// Renders the audit script alone, for `initdb-gen audit`.
  ///
  /// - Throws: The model's first validation error, or a template error.
  public func audit(_ model: PermissionModel) throws -> String {
    try model.validate()
    let context = ArtifactContext(model: model, source: source)
    return try library.render("audit.sql.template", try context.audit(fileName: "audit.sql"))
  }
}
