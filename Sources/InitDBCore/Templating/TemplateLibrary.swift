import Foundation

/// The templates that rendered files are made from, by name.
public struct TemplateLibrary: Sendable {
  /// The templates by file name, for example `roles.sh.template`.
  public let templates: [String: Template]

  /// Makes a library from templates already parsed.
  public init(templates: [Template]) {
    self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
  }

  /// Loads every `*.template` file of a folder.
  ///
  /// - Parameter folder: The folder that holds the templates.
  /// - Throws: `InitDBError.unreadableFile` or `InitDBError.templateSyntax`.
  public init(folder: URL) throws {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw InitDBError.unreadableFile(path: folder.path, reason: error.localizedDescription)
    }

    let templates = try names.sorted().filter { $0.hasSuffix(".template") }.map { name in
      let url = folder.appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: url.path),
        let source = String(data: data, encoding: .utf8)
      else {
        throw InitDBError.unreadableFile(path: url.path, reason: "not readable as UTF-8")
      }
      return try Template(name: name, source: source)
    }
    self.init(templates: templates)
  }

  /// The templates that ship with initdb-gen.
  ///
  /// - Throws: `InitDBError.unreadableFile` when the package's resources are missing.
  public static func bundled() throws -> TemplateLibrary {
    guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
      throw InitDBError.unreadableFile(
        path: "Templates",
        reason: "the templates were not bundled with initdb-gen; rebuild it with swift build"
      )
    }
    return try TemplateLibrary(folder: folder)
  }

  /// Renders the named template.
  ///
  /// - Throws: `InitDBError.templateNotFound`, or what rendering throws.
  public func render(_ name: String, _ context: TemplateValue) throws -> String {
    guard let template = templates[name] else {
      throw InitDBError.templateNotFound(name: name, includedBy: nil, line: nil)
    }
    return try template.render(context, library: self)
  }
}
