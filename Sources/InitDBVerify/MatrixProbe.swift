import Foundation
import InitDBCore

/// Checks one database's part of the access matrix on a running cluster.
///
/// In each database: every creator (the owner, through the session a migrator starts
/// in, and each migrator after `SET ROLE` to itself) makes probe objects, and who owns
/// them is checked; then every login role, in one psql session per database, connects
/// and tries every action on every creator's objects; then the migration fixture is
/// applied and every role that may connect runs typical queries on what it made.
struct MatrixProbe {
  let cluster: ScratchCluster
  let matrix: AccessMatrix
  let passwords: [String: String]

  /// NOLOGIN roles must not log in, even with a password offered.
  func noLoginChecks() throws -> [AccessCheck] {
    try matrix.model.roles.filter { !$0.canLogin }.sorted { $0.name < $1.name }.map { role in
      let result = try cluster.psql(
        user: role.name,
        password: VerifyPasswords.random(),
        database: "postgres",
        sql: "SELECT 1"
      )
      return AccessCheck(
        role: role.name,
        database: "postgres",
        action: "log in (NOLOGIN role)",
        expected: AccessCheck.outcome(false),
        actual: AccessCheck.outcome(result.succeeded)
      )
    }
  }

  /// Every check in one database.
  func checks(in database: Database) throws -> [AccessCheck] {
    var checks: [AccessCheck] = []
    var creators: [String] = []

    for creator in matrix.creators(in: database) {
      let ownership = try makeProbeObjects(of: creator, in: database)
      checks.append(ownership)
      if ownership.passed { creators.append(creator) }
    }
    for role in matrix.loginRoles {
      checks += try actionChecks(role.name, in: database, creators: creators)
    }
    checks += try migrationChecks(in: database)
    return checks
  }

  // MARK: - Probe objects

  /// The login role that makes a creator's objects: the creator itself when it logs in
  /// here, else the database's migrator, whose sessions start as the owner.
  private func maker(of creator: String, in database: Database) -> String? {
    if matrix.model.role(named: creator)?.canLogin == true,
      matrix.mayConnect(creator, to: database)
    {
      return creator
    }
    return matrix.migrationRole(of: database)
  }

  private func makeProbeObjects(of creator: String, in database: Database) throws
    -> AccessCheck
  {
    let objects = ProbeObjects(prefix: "probe_\(creator)")
    let create = objects.creation.map { $0 + ";" }.joined(separator: "\n")
    let maker = maker(of: creator, in: database)
    let result: ProcessResult
    let action: String

    if let maker {
      let inSession = matrix.sessionRole(of: maker, in: database) == creator
      let setRole = inSession ? "" : "SET ROLE \(try SQLQuoting.identifier(creator));\n"
      action = inSession ? "owns what it makes in its session" : "owns what it makes after SET ROLE"
      result = try psql(maker, database.name, setRole + create)
    } else {
      // Nobody logs in to act as this owner: make the objects as it from the admin.
      action = "owns what is made as it"
      result = try cluster.admin(
        "SET ROLE \(try SQLQuoting.identifier(creator));\n" + create,
        database: database.name
      )
    }

    let owners = try cluster.admin(
      """
      SELECT coalesce(string_agg(DISTINCT pg_get_userbyid(relowner), ','), 'nothing')
      FROM pg_class WHERE relname LIKE \(try SQLQuoting.literal("probe\\_\(creator)\\_%"))
      """,
      database: database.name
    )
    return AccessCheck(
      role: maker ?? creator,
      database: database.name,
      action: action,
      expected: creator,
      actual: result.succeeded
        ? owners.output.trimmingCharacters(in: .whitespacesAndNewlines)
        : "error: " + firstError(result)
    )
  }

  // MARK: - Actions

  /// CONNECT, then every action, for one login role in one psql session.
  private func actionChecks(_ role: String, in database: Database, creators: [String]) throws
    -> [AccessCheck]
  {
    let acting = matrix.sessionRole(of: role, in: database)
    var probe = ActionProbe()

    for action in AccessAction.creationActions {
      probe.add(
        action.rawValue,
        statement: ProbeObjects(prefix: "probe_\(role)").statement(for: action),
        expected: matrix.allows(action, role: acting, in: database, objectOwner: database.owner)
      )
    }
    for creator in creators {
      let objects = ProbeObjects(prefix: "probe_\(creator)")
      let actions =
        (creator == database.owner ? AccessAction.structureActions : [])
        + AccessAction.dataActions
      for action in actions {
        probe.add(
          "\(action.rawValue) on objects of \(creator)",
          statement: objects.statement(for: action),
          expected: matrix.allows(action, role: acting, in: database, objectOwner: creator)
        )
      }
    }
    return try run(probe, as: role, in: database)
  }

  /// Runs a probe, with a CONNECT check first; when the role cannot connect, the
  /// CONNECT check is the only one.
  private func run(_ probe: ActionProbe, as role: String, in database: Database) throws
    -> [AccessCheck]
  {
    let result = try psql(role, database.name, try probe.script(), stopOnError: false)
    let denied = result.errorOutput.contains("permission denied for database")
    let connect = AccessCheck(
      role: role,
      database: database.name,
      action: "CONNECT",
      expected: AccessCheck.outcome(matrix.mayConnect(role, to: database)),
      actual: result.succeeded
        ? AccessCheck.outcome(true)
        : denied ? AccessCheck.outcome(false) : "error: " + firstError(result)
    )
    guard result.succeeded else { return [connect] }
    return [connect] + probe.checks(from: result.errorOutput, role: role, database: database.name)
  }

  // MARK: - Migration fixture

  private func migrationChecks(in database: Database) throws -> [AccessCheck] {
    guard let migrator = matrix.migrationRole(of: database) else { return [] }

    let result = try psql(migrator, database.name, try MigrationFixture.migration())
    let applied = AccessCheck(
      role: migrator,
      database: database.name,
      action: "apply the migration fixture",
      expected: AccessCheck.outcome(true),
      actual: result.succeeded ? AccessCheck.outcome(true) : "error: " + firstError(result)
    )
    guard applied.passed else { return [applied] }

    let objectOwner = matrix.sessionRole(of: migrator, in: database)
    var checks = [applied]
    for role in matrix.loginRoles where matrix.mayConnect(role.name, to: database) {
      let acting = matrix.sessionRole(of: role.name, in: database)
      var probe = ActionProbe()
      for query in MigrationFixture.queries {
        let expected = query.needs.allSatisfy {
          matrix.allows($0, role: acting, in: database, objectOwner: objectOwner)
        }
        probe.add("query: \(query.name)", statement: query.statement, expected: expected)
      }
      checks += try run(probe, as: role.name, in: database).dropFirst()
    }
    return checks
  }

  // MARK: - Helpers

  private func psql(_ role: String, _ database: String, _ sql: String, stopOnError: Bool = true)
    throws -> ProcessResult
  {
    try cluster.psql(
      user: role,
      password: passwords[role],
      database: database,
      sql: sql,
      stopOnError: stopOnError
    )
  }

  /// The first ERROR or FATAL line of psql's messages, or its status.
  private func firstError(_ result: ProcessResult) -> String {
    let lines = result.errorOutput.split(separator: "\n")
    let line = lines.first { $0.contains("ERROR:") || $0.contains("FATAL:") } ?? lines.first
    return line.map { String($0).trimmingCharacters(in: .whitespaces) }
      ?? "psql exited with \(result.status)"
  }
}
