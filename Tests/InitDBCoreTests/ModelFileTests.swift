import Foundation
import Testing

@testable import InitDBCore

/// The JSON model file: the kivoll model round-trips through it to the same output,
/// and every kind of bad file gets a message with the file, the line and column, and
/// the JSON path.
@Suite struct ModelFileTests {
  private let kivollFile = GoldenFiles.testsFolder
    .appendingPathComponent("Fixtures/kivoll.model.json")

  private func decode(_ text: String) throws -> PermissionModel {
    try ModelFile.decode(Data(text.utf8), file: "model.json")
  }

  /// The error that decoding `text` throws.
  private func failure(_ text: String) -> InitDBError? {
    do {
      _ = try decode(text)
      return nil
    } catch {
      return error as? InitDBError
    }
  }

  /// A small valid model with one placeholder to break.
  private func model(grants: String = #"{ "role": "app", "profile": "read-write" }"#) -> String {
    """
    {
      "formatVersion": 1,
      "name": "shop",
      "roles": [
        { "name": "owner_role", "summary": "owns" },
        { "name": "app", "summary": "serves", "passwordVariable": "APP_PASSWORD" }
      ],
      "databases": [
        { "name": "shop_db", "owner": "owner_role", "summary": "shop", "grants": [\(grants)] }
      ]
    }
    """
  }

  @Test func theKivollModelFileIsTheEncodedSwiftModel() throws {
    let golden = try String(contentsOf: kivollFile, encoding: .utf8)

    #expect(ModelFile.encode(.kivoll) == golden, "re-create it with `initdb-gen model`")
  }

  @Test func theKivollModelFileRendersTheCommittedInitFolderAndArtifacts() throws {
    let model = try ModelFile.read(kivollFile, name: "kivoll.model.json")
    let library = try TemplateLibrary.bundled()
    let source = ModelSource.builtIn(.kivoll)

    #expect(model == .kivoll)
    let files = try Renderer(library: library, source: source).render(model)
    try GoldenFiles.assertMatches(
      files,
      folder: GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")
    )
    let artifacts = try ArtifactRenderer(library: library, source: source).render(model)
    let stale = try ArtifactSet(root: GoldenFiles.repositoryRoot, artifacts: artifacts)
      .differences()
    #expect(stale.isEmpty, "\(stale)")
  }

  @Test func theREADMEExampleIsAValidModelInTheWritersLayout() throws {
    let readme = try String(
      contentsOf: GoldenFiles.repositoryRoot.appendingPathComponent("README.md"),
      encoding: .utf8
    )
    let start = try #require(readme.range(of: "A complete small model"))
    let open = try #require(
      readme.range(of: "```json\n", range: start.upperBound..<readme.endIndex)
    )
    let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
    let example = String(readme[open.upperBound..<close.lowerBound])

    #expect(ModelFile.encode(try decode(example)) == example)
  }

  @Test(arguments: FixtureModels.all)
  func fixtureModelsRoundTrip(fixture: FixtureModels.Fixture) throws {
    let text = ModelFile.encode(fixture.model)

    #expect(try decode(text) == fixture.model)
  }

  @Test func optionalKeysMayBeLeftOut() throws {
    let parsed = try decode(model(grants: ""))

    #expect(parsed.databases[0].grants.isEmpty)
    #expect(parsed.roles[0].memberOf.isEmpty && parsed.services.isEmpty)
  }

  @Test func aSyntaxErrorNamesTheLineAndColumn() {
    let text = "{\n  \"formatVersion\": 1,\n  \"name\": \"shop\",,\n}"

    #expect(
      failure(text)
        == .invalidModelFile(
          file: "model.json",
          path: "$",
          line: 3,
          column: 18,
          reason: "not valid JSON: unexpected character"
        )
    )
    #expect(failure(text)?.description.hasPrefix("model.json:3:18: $: not valid JSON") == true)
  }

  @Test func aTruncatedFileNamesItsEnd() {
    let error = failure("{\n  \"formatVersion\": 1,\n")

    #expect(
      error?.description.hasPrefix("model.json:3:1: $: not valid JSON: the file ends") == true
    )
  }

  @Test(arguments: [
    (#"{ "name": "x" }"#, "1:1: $", "missing key 'formatVersion'"),
    (#"{ "formatVersion": 2 }"#, "1:3: $.formatVersion", "format version 2 is not supported"),
    (#"{ "formatVersion": "1" }"#, "1:3: $.formatVersion", "expected a whole number"),
    ("[1]", "1:1: $", "expected an object"),
  ])
  func theVersionIsChecked(text: String, where: String, reason: String) throws {
    let error = try #require(failure(text))

    #expect(error.description.hasPrefix("model.json:\(`where`): \(reason)"), "\(error)")
  }

  @Test func anUnknownKeyIsNamedByItsPath() throws {
    let text = model(grants: #"{ "role": "app", "profile": "read-write", "schema": "x" }"#)
    let error = try #require(failure(text))

    #expect(
      error.description.hasPrefix("model.json:9:121: $.databases[0].grants[0].schema: unknown key")
    )
  }

  @Test func aWrongProfileIsNamedByItsPath() throws {
    let error = try #require(failure(model(grants: #"{ "role": "app", "profile": "admin" }"#)))

    #expect(
      error.description
        == "model.json:9:96: $.databases[0].grants[0].profile: not an access profile; use one of "
        + "migrator, read-write, read-only, select-update"
    )
  }

  @Test func missingAndMistypedValuesAreNamedByTheirPath() throws {
    let missing = try #require(failure(model(grants: #"{ "profile": "read-only" }"#)))
    #expect(missing.description == "model.json:9:79: $.databases[0].grants[0]: missing key 'role'")

    let mistyped = try #require(failure(model(grants: #"{ "role": 7, "profile": "read-only" }"#)))
    #expect(
      mistyped.description == "model.json:9:81: $.databases[0].grants[0].role: expected a string"
    )
  }

  @Test func anInvalidModelNamesTheFile() throws {
    let error = try #require(
      failure(model(grants: #"{ "role": "ghost", "profile": "read-only" }"#))
    )

    #expect(
      error.description
        == "model.json: invalid model: role 'ghost' is not declared (referenced by database "
        + "'shop_db')"
    )
  }
}
