/// Turns a permission model into the files of an init folder.
///
/// The renderer decides what goes into which file and in what order; the templates
/// decide how each file reads. Every name reaches the templates already quoted, and
/// the output depends on nothing but the model, the source description and the
/// templates, so it is byte for byte the same on every machine.
public struct Renderer: Sendable {
  /// The templates the files are made from.
  public let library: TemplateLibrary

  /// Where the model came from, named in every file's header.
  public let source: ModelSource

  /// The most psql sessions that create databases side by side on a first start.
  ///
  /// Sessions overlap their waits for the disk; more than a few gain little on small
  /// machines and take connections from a server that allows 100 by default.
  public static let maximumCreatingSessions = 4

  /// Makes a renderer.
  public init(library: TemplateLibrary, source: ModelSource) {
    self.library = library
    self.source = source
  }

  /// Validates the model and renders every file of the init folder, in run order.
  ///
  /// - Parameter model: The permission model.
  /// - Returns: The files, sorted by name, which is the order the image runs them in.
  /// - Throws: The model's first validation error, or a template error.
  public func render(_ model: PermissionModel) throws -> [RenderedFile] {
    try model.validate()

    let numbering = FileNumbering(databaseCount: model.databases.count)
    let context = RenderingContext(model: model, source: source)
    var files: [RenderedFile] = []

    let rolesName = "\(numbering.roles)-roles.sh"
    files.append(
      RenderedFile(
        name: rolesName,
        content: try library.render("roles.sh.template", context.roles(fileName: rolesName)),
        isExecutable: true
      )
    )

    let databases = model.databases.sorted { $0.name < $1.name }
    files += try creatingFiles(databases, numbering: numbering, context: context)

    for (index, database) in databases.enumerated() {
      let name = "\(numbering.database(at: index))-\(database.name).sql"
      let values = try context.database(database, fileName: name)
      files.append(
        RenderedFile(name: name, content: try library.render("database.sql.template", values))
      )
    }

    // The self-test runs after every database exists, and before anything that
    // records a completed init, so that a failing check stops the first start.
    let selfTestName = "\(numbering.closing(at: 0))-self-test.sql"
    files.append(
      RenderedFile(
        name: selfTestName,
        content: try library.render(
          "self-test.sql.template",
          context.selfTest(fileName: selfTestName)
        )
      )
    )

    files.append(try completionFile(after: files, numbering: numbering, context: context))
    return files
  }

  /// The last file, which records that every file before it succeeded.
  private func completionFile(
    after files: [RenderedFile],
    numbering: FileNumbering,
    context: RenderingContext
  ) throws -> RenderedFile {
    let name = "\(numbering.closing(at: 9))-completion.sql"
    let values = try context.completion(
      fileName: name,
      fingerprint: InitFingerprint.of(files)
    )
    return RenderedFile(name: name, content: try library.render("completion.sql.template", values))
  }

  /// The files that create the databases in concurrent sessions, dealt out in name order,
  /// and the file that waits for them; none for a model without databases.
  private func creatingFiles(
    _ databases: [Database],
    numbering: FileNumbering,
    context: RenderingContext
  ) throws -> [RenderedFile] {
    guard !databases.isEmpty else { return [] }
    let sessionCount = min(databases.count, Self.maximumCreatingSessions)
    let sessions = (0..<sessionCount).map { session in
      (
        name: "\(numbering.creating(at: session))-create-databases.sh",
        databases: databases.indices.filter { $0 % sessionCount == session }.map { databases[$0] }
      )
    }
    let createdName = "\(numbering.created)-databases-created.sh"
    var files: [RenderedFile] = []

    for session in sessions {
      let values = try context.creating(
        session.databases,
        fileName: session.name,
        collector: createdName
      )
      files.append(
        RenderedFile(
          name: session.name,
          content: try library.render("create-databases.sh.template", values),
          isExecutable: true
        )
      )
    }

    let values = context.created(sessions, fileName: createdName)
    files.append(
      RenderedFile(
        name: createdName,
        content: try library.render("databases-created.sh.template", values),
        isExecutable: true
      )
    )
    return files
  }
}
