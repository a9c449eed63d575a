import Testing

@testable import InitDBCore

@Suite struct TemplateTests {
  private func render(
    _ source: String,
    _ context: TemplateValue,
    includes: [String: String] = [:]
  ) throws -> String {
    let template = try Template(name: "test.template", source: source)
    let library = TemplateLibrary(
      templates: try [template] + includes.map { try Template(name: $0.key, source: $0.value) }
    )
    return try template.render(context, library: library)
  }

  @Test func showsValuesAsTheyAre() throws {
    let output = try render(
      #"GRANT {{p}} TO {{role.quoted}};"#,
      [
        "p": "SELECT", "role": ["quoted": #""a""b""#],
      ]
    )
    #expect(output == #"GRANT SELECT TO "a""b";"#)
  }

  @Test func repeatsListsAndDropsStandaloneTagLines() throws {
    let source = """
      before
      {{#items}}
      - {{name}}
      {{/items}}
      after
      """
    let output = try render(source, ["items": [["name": "a"], ["name": "b"]]])
    #expect(output == "before\n- a\n- b\nafter")
  }

  @Test func showsBlocksByFlagAndInverted() throws {
    let source = "{{#on}}yes{{/on}}{{^on}}no{{/on}}|{{^list}}empty{{/list}}"
    #expect(try render(source, ["on": true, "list": []]) == "yes|empty")
    #expect(try render(source, ["on": false, "list": ["x"]]) == "no|")
  }

  @Test func looksUpNamesInOuterScopes() throws {
    let source = "{{#items}}{{.}}@{{db}} {{/items}}"
    #expect(try render(source, ["db": "d", "items": ["a", "b"]]) == "a@d b@d ")
  }

  @Test func indentsStandaloneIncludes() throws {
    let output = try render(
      "(\n  {{> inner.template}}\n)",
      ["x": "1"],
      includes: ["inner.template": "one {{x}}\n\ntwo\n"]
    )
    #expect(output == "(\n  one 1\n\n  two\n)")
  }

  @Test func dropsComments() throws {
    #expect(try render("a{{! note }}b\n{{! whole line }}\nc", [:]) == "ab\nc")
  }

  @Test func reportsMissingValuesWithTheirLine() {
    #expect(
      throws: InitDBError.templateValueMissing(name: "nope", template: "test.template", line: 2)
    ) {
      try render("fine\n{{nope}}", [:])
    }
  }

  @Test func reportsSyntaxErrorsWithTheirLine() {
    #expect(throws: InitDBError.self) { try render("{{#open}}\nnever closed", [:]) }
    #expect(throws: InitDBError.self) { try render("{{/close}}", [:]) }
    #expect(throws: InitDBError.self) { try render("{{#a}}{{/b}}", ["a": true]) }
    #expect(throws: InitDBError.self) { try render("{{unclosed", [:]) }
    #expect(throws: InitDBError.self) { try render("{{bad name}}", [:]) }

    do {
      _ = try render("ok\n{{#a}}\n{{/b}}", ["a": true])
    } catch let error as InitDBError {
      #expect(error.description.hasPrefix("test.template:3: {{/b}} closes no open block"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func reportsUnknownIncludes() {
    #expect(throws: InitDBError.self) { try render("{{> missing.template}}", [:]) }
  }
}
