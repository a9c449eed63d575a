import Foundation
import Testing

@testable import InitDBCore

/// Golden files lock the rendered output byte for byte: any change to the model, the
/// renderer or a template shows up as a diff that a reviewer reads.
@Suite struct GoldenTests {
  private func render(_ model: PermissionModel, source: ModelSource) throws -> [RenderedFile] {
    try Renderer(library: try TemplateLibrary.bundled(), source: source).render(model)
  }

  @Test func kivollOutputEqualsTheCommittedInitFolder() throws {
    let files = try render(.kivoll, source: .builtIn(.kivoll))
    let folder = GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")

    try GoldenFiles.assertMatches(files, folder: folder)
  }

  @Test(arguments: FixtureModels.all)
  func fixtureModelOutputEqualsItsGoldenFiles(fixture: FixtureModels.Fixture) throws {
    let files = try render(fixture.model, source: fixture.source)
    let folder = GoldenFiles.testsFolder.appendingPathComponent("Fixtures/\(fixture.name)")

    try GoldenFiles.assertMatches(files, folder: folder)
  }

  @Test func renderingTwiceGivesTheSameBytes() throws {
    let first = try render(.kivoll, source: .builtIn(.kivoll))
    let second = try render(.kivoll, source: .builtIn(.kivoll))

    #expect(first == second)
  }

  @Test func outputHasLFLineEndingsAndNoAbsolutePaths() throws {
    for file in try render(.kivoll, source: .builtIn(.kivoll)) {
      #expect(!file.content.contains("\r"), "\(file.name) has a CR")
      #expect(file.content.hasSuffix("\n"), "\(file.name) does not end in a newline")
      #expect(!file.content.contains(GoldenFiles.repositoryRoot.path), "\(file.name)")
      #expect(file.name == file.name.lowercased())
    }
  }

  @Test func fileNamesHaveFixedWidthUniquePrefixes() throws {
    let names = try render(.kivoll, source: .builtIn(.kivoll)).map(\.name)
    let prefixes = names.map { $0.prefix { $0 != "-" } }

    #expect(Set(prefixes).count == names.count)
    #expect(Set(prefixes.map(\.count)).count == 1)
    #expect(prefixes.allSatisfy { $0.allSatisfy(\.isNumber) })
    #expect(names == names.sorted())
  }

  @Test func aOneGrantChangeIsASmallDiffInOneFileAndTheFingerprint() throws {
    var model = PermissionModel.kivoll
    let database = try #require(model.databases.firstIndex { $0.name == "worker_db" })
    let grant = try #require(model.databases[database].grants.firstIndex { $0.role == "api_app" })
    model.databases[database].grants[grant].profile = .selectUpdate

    let before = try render(.kivoll, source: .builtIn(.kivoll))
    let after = try render(model, source: .builtIn(model))
    let changed = zip(before, after).filter { $0 != $1 }

    // The database's file, the self-test, whose expectations follow the model, and
    // the completion file, which records the fingerprint of the others in one line.
    try #require(
      changed.map(\.0.name) == ["104-worker_db.sql", "900-self-test.sql", "990-completion.sql"]
    )
    for (old, new) in changed {
      let diff = try #require(
        UnifiedDiff.make(old: old.content, new: new.content, oldName: "a", newName: "b")
      )
      let removed = diff.split(separator: "\n").filter {
        $0.hasPrefix("-") && !$0.hasPrefix("---")
      }
      // In the database file: the header's access line, the block title, the table
      // grant, the default privilege for tables and the log line. In the self-test:
      // the lines of the role's allowed and denied actions.
      #expect(removed.count <= 5, "\(old.name):\n\(diff)")
      if new.name.hasSuffix("-completion.sql") {
        #expect(removed.count == 1 && removed[0].hasPrefix("-\\set fingerprint"), "\(diff)")
      }
    }
  }

  @Test func kivollArtifactsEqualTheCommittedFiles() throws {
    let renderer = ArtifactRenderer(
      library: try TemplateLibrary.bundled(),
      source: .builtIn(.kivoll)
    )
    let artifacts = try renderer.render(.kivoll)
    let differences = try ArtifactSet(root: GoldenFiles.repositoryRoot, artifacts: artifacts)
      .differences()

    #expect(
      differences.isEmpty,
      "\(differences.map { "\($0)" }): run `swift run initdb-gen` and commit the result"
    )
  }

  /// The issue's promise: one edit of the model reaches every artifact that names it.
  @Test func aRoleRenameReachesEveryArtifactThatNamesTheRole() throws {
    var model = PermissionModel.kivoll
    let index = try #require(model.roles.firstIndex { $0.name == "worker_app" })
    model.roles[index].name = "worker_runtime"
    for database in model.databases.indices {
      for grant in model.databases[database].grants.indices
      where model.databases[database].grants[grant].role == "worker_app" {
        model.databases[database].grants[grant].role = "worker_runtime"
      }
    }
    let library = try TemplateLibrary.bundled()
    let artifacts = try ArtifactRenderer(library: library, source: .builtIn(model)).render(model)

    let changed = try ArtifactSet(root: GoldenFiles.repositoryRoot, artifacts: artifacts)
      .differences().map(\.name)
    #expect(changed == ["README.md", "local/.env.worker.example", "local/audit.sql"])

    let files = try Renderer(library: library, source: .builtIn(model)).render(model)
    let folder = InitFolder(url: GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb"))
    // Every database file lists every role of the model (converging touches those and
    // no other), and the completion file holds the fingerprint of the others; only the
    // files that create databases, which name owners alone, stay as they were.
    let namingRoles = files.map(\.name).filter { !$0.contains("databases") }
    #expect(try folder.differences(from: files).map(\.name) == namingRoles)
  }

  @Test func aNewServiceReachesTheComposeFileAndItsOwnEnvFile() throws {
    var model = PermissionModel.kivoll
    model.services.append(Service(name: "reports", summary: "the reporting job"))
    let index = try #require(model.roles.firstIndex { $0.name == "api_app" })
    model.roles[index].service = "reports"
    let renderer = ArtifactRenderer(library: try TemplateLibrary.bundled(), source: .builtIn(model))

    let differences = try ArtifactSet(
      root: GoldenFiles.repositoryRoot,
      artifacts: try renderer.render(model)
    ).differences()

    #expect(
      differences.map(\.description) == [
        "README.md: content differs (edited by hand, or the model changed)",
        "local/.env.api.example: content differs (edited by hand, or the model changed)",
        "local/.env.reports.example: missing",
        "local/docker-compose.yml: content differs (edited by hand, or the model changed)",
      ]
    )
  }
}
