extension RenderingContext {
  /// The prefix of the probe objects that the self-test makes in every database.
  static let selfTestPrefix = "initdb_probe"

  /// The values of the self-test file: every CONNECT expectation, and per database the
  /// actions each role may and may not do.
  func selfTest(fileName: String) throws -> TemplateValue {
    var values = common(fileName: fileName, comment: "--")
    let matrix = AccessMatrix(model: model)

    values["connectRows"] = .list(try connectRows(matrix).map { .text($0) })
    values["databases"] = .list(try matrix.databases.map { try selfTestDatabase($0, matrix) })
    return .object(values)
  }

  /// One `('role', 'database', true),` row per login role and database.
  private func connectRows(_ matrix: AccessMatrix) throws -> [String] {
    var rows: [String] = []
    for role in matrix.loginRoles {
      for database in matrix.databases {
        let allowed = matrix.mayConnect(role.name, to: database)
        rows.append(
          "(\(try SQLQuoting.literal(role.name)), \(try SQLQuoting.literal(database.name)), "
            + "\(allowed))"
        )
      }
    }
    return rows.enumerated().map { $0.offset == rows.count - 1 ? $0.element : $0.element + "," }
  }

  private func selfTestDatabase(_ database: Database, _ matrix: AccessMatrix) throws
    -> TemplateValue
  {
    let objects = ProbeObjects(prefix: Self.selfTestPrefix)
    var values = try named(database.name)

    values["owner"] = .object(try named(database.owner))
    values["creation"] = .list(objects.creation.map { .text($0) })
    values["statements"] = .list(
      try AccessAction.allCases.map { action in
        .object([
          "action": .text(try SQLQuoting.literal(action.rawValue)),
          "statement": .text(try SQLQuoting.literal(objects.statement(for: action))),
        ])
      }
    )
    values["checks"] = .list(
      try ([database.owner] + database.grants.map(\.role).sorted()).map { role in
        try selfTestCheck(role, database, matrix)
      }
    )
    return .object(values)
  }

  private func selfTestCheck(_ role: String, _ database: Database, _ matrix: AccessMatrix)
    throws -> TemplateValue
  {
    let outcomes = AccessAction.allCases.map { action in
      (action, matrix.allows(action, role: role, in: database, objectOwner: database.owner))
    }
    let allowed = outcomes.filter(\.1).map(\.0.rawValue)
    let denied = outcomes.filter { !$0.1 }.map(\.0.rawValue)
    let profile = database.grants.first { $0.role == role }?.profile

    var values = try named(role)
    values["role"] = .text(role)
    values["description"] = .text(profile.map { $0.title } ?? "the owner")
    values["allowed"] = .list(try Self.wrappedLiterals(allowed).map { .text($0) })
    values["denied"] = .list(try Self.wrappedLiterals(denied).map { .text($0) })
    values["hasAllowed"] = .flag(!allowed.isEmpty)
    values["hasDenied"] = .flag(!denied.isEmpty)
    return .object(values)
  }

  /// Quotes the words as SQL literals and joins them with commas into lines that stay
  /// within 76 columns.
  static func wrappedLiterals(_ words: [String]) throws -> [String] {
    var lines: [String] = []
    var line = ""

    for literal in try words.map(SQLQuoting.literal) {
      if !line.isEmpty, line.count + literal.count + 2 > 72 {
        lines.append(line + ",")
        line = ""
      }
      line += line.isEmpty ? literal : ", " + literal
    }
    if !line.isEmpty {
      lines.append(line)
    }
    return lines
  }
}
