import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Runs the committed `local/initdb` with hostile passwords on a real PostgreSQL that logs
/// everything, then proves that each role logs in with exactly its password and that no
/// password reached a log, the init's output, a generated file or the data directory.
@Suite(PostgresServer.trait)
struct SecretsTests {
  /// The password sets the tests run with.
  enum PasswordSet: String, CaseIterable, Sendable {
    case hostile, unusual

    var passwords: [String: String] {
      switch self {
      case .hostile: KivollPasswords.hostile
      case .unusual: KivollPasswords.unusual
      }
    }
  }

  /// How the container hands a password to the init.
  enum Delivery: String, CaseIterable, Sendable {
    /// `NAME=password`.
    case variable

    /// `NAME_FILE=path`, the file ending in a newline as Docker and Kubernetes write it.
    case file
  }

  /// Server options that log every statement, every duration, every failing statement
  /// and every parse tree: the worst a compose file could set. The image's temporary
  /// init server gets the same.
  static let logEverything = [
    "-c", "log_statement=all", "-c", "log_min_duration_statement=0",
    "-c", "log_min_error_statement=debug5", "-c", "debug_print_parse=on",
    "-c", "debug_print_rewritten=on", "-c", "debug_print_plan=on",
    "-c", "log_connections=on", "-c", "log_error_verbosity=verbose",
    "-c", "shared_preload_libraries=pg_stat_statements",
  ]

  private let initFolder = GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")

  @Test func theLeakSearchFindsAPasswordQuotedEscapedOrWrapped() {
    let passwords = ["X_PASSWORD": #"it's a back\slash $password: 10"#]
    let logs = [
      #"LOG:  statement: ALTER ROLE "x" PASSWORD E'it''s a back\\slash $password: 10'"#,
      "DETAIL:  :arg \"it's\\ a\\ back\\\\slash\\ $password\n\t   : 10\"",
    ]

    for log in logs {
      let found = PasswordLeaks.findings(of: passwords, in: [.init("log", text: log)])
      #expect(!found.isEmpty, "not found in \(log)")
    }
    let clean = "LOG:  statement: ALTER ROLE \"x\" PASSWORD :'password' 10"
    #expect(PasswordLeaks.findings(of: passwords, in: [.init("log", text: clean)]).isEmpty)
  }

  /// With variables on every major, since what each server prints and records differs
  /// (from 16 the parse-tree printer shows a password, before that it did not); with
  /// files on the newest only, since reading them is the shell's work.
  @Test(arguments: PasswordSet.allCases, Delivery.allCases)
  func everyPasswordLogsInExactlyAndLeaksNowhere(set: PasswordSet, delivery: Delivery) throws {
    guard PostgresServer.available(), let newest = PostgresServer.newest else { return }

    let servers = delivery == .variable ? PostgresServer.installations : [newest]
    for binaries in servers {
      try expectExactLoginsAndNoLeaks(set.passwords, delivery: delivery, on: binaries)
    }
  }

  private func expectExactLoginsAndNoLeaks(
    _ passwords: [String: String],
    delivery: Delivery,
    on binaries: PostgresBinaries
  ) throws {
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }

    let environment = try Self.environment(for: passwords, delivery: delivery, in: cluster)
    let result = try cluster.runFirstStart(
      initFolder: initFolder,
      environment: environment,
      serverOptions: Self.logEverything
    )
    try cluster.startWithPasswords(serverOptions: Self.logEverything)
    try expectExactLogins(cluster, passwords: passwords)

    // The searches below can only fail if the logging really was on: the init server
    // logged the statement before the role session turned logging off, and the
    // restarted server logs a marker.
    #expect(
      result.output.contains("statement: SET log_statement = 'none'"),
      "PostgreSQL \(binaries.major): the init server does not log statements"
    )
    let marker = "logging-marker-\(UUID().uuidString)"
    _ = try cluster.admin("SELECT '\(marker)'")
    #expect(
      cluster.serverLog.contains(marker),
      "PostgreSQL \(binaries.major): the server does not log statements"
    )

    let places =
      [
        PasswordLeaks.Place("init output and init server log", text: result.output),
        PasswordLeaks.Place("init errors", text: result.errorOutput),
        PasswordLeaks.Place("server log", text: cluster.serverLog),
      ]
      + PasswordLeaks.files(under: initFolder, named: "local/initdb", areText: true)
      + PasswordLeaks.files(under: cluster.dataDirectory, named: "data", areText: false)
    let leaks = PasswordLeaks.findings(of: passwords, in: places)
    #expect(leaks.isEmpty, "PostgreSQL \(binaries.major):\n\(leaks.joined(separator: "\n"))")
  }

  @Test func aVariableAndItsFileTogetherStopTheInitBeforeAnyChange() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }

    var environment = KivollPasswords.plain
    environment["WORKER_APP_PASSWORD_FILE"] = try Self.writeSecret(
      "from-a-file",
      named: "worker_app",
      in: cluster
    ).path

    try expectInitFails(
      cluster,
      environment: environment,
      saying: "both WORKER_APP_PASSWORD and WORKER_APP_PASSWORD_FILE are set"
    )
  }

  @Test(arguments: ["missing", "unreadable"])
  func aPasswordFileThatCannotBeReadStopsTheInitBeforeAnyChange(kind: String) throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }

    // Written by root with no permissions: the server's OS user cannot read it.
    let file = try Self.writeSecret("secret", named: "api_app", in: cluster)
    if kind == "missing" {
      try FileManager.default.removeItem(at: file)
    } else {
      try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
    }
    var environment = KivollPasswords.plain
    environment["API_APP_PASSWORD"] = nil
    environment["API_APP_PASSWORD_FILE"] = file.path

    try expectInitFails(
      cluster,
      environment: environment,
      saying: "API_APP_PASSWORD_FILE names \(file.path), which is not a readable file"
    )
  }

  /// The container's environment: each password as a variable, or as a file.
  static func environment(
    for passwords: [String: String],
    delivery: Delivery,
    in cluster: ScratchCluster
  ) throws -> [String: String] {
    guard delivery == .file else { return passwords }

    var environment: [String: String] = [:]
    for (variable, password) in passwords {
      let file = try Self.writeSecret(password + "\n", named: variable, in: cluster)
      environment[variable + "_FILE"] = file.path
    }
    return environment
  }

  /// Writes a secret file as Docker does: owned by root, readable by everyone.
  static func writeSecret(_ text: String, named name: String, in cluster: ScratchCluster)
    throws -> URL
  {
    let folder = cluster.root.appendingPathComponent("secrets")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)

    try Data(text.utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
    return file
  }

  /// Every login role logs in over TCP with its password, and not with one a character
  /// short: the stored password is exactly the one given.
  private func expectExactLogins(_ cluster: ScratchCluster, passwords: [String: String])
    throws
  {
    for role in PermissionModel.kivoll.roles where role.canLogin {
      let password = try #require(passwords[role.passwordVariable ?? ""])

      let exact = try cluster.psql(
        user: role.name,
        password: password,
        database: "postgres",
        sql: "SELECT current_user"
      )
      #expect(
        exact.output == "\(role.name)\n",
        "\(role.name) cannot log in with its password: \(exact.errorOutput)"
      )

      let short = try cluster.psql(
        user: role.name,
        password: String(password.dropLast()),
        database: "postgres",
        sql: "SELECT 1"
      )
      #expect(!short.succeeded, "\(role.name) logs in with its password a character short")
    }
  }

  /// The first start fails with a message, and leaves no role and no database behind.
  private func expectInitFails(
    _ cluster: ScratchCluster,
    environment: [String: String],
    saying message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    #expect(sourceLocation: sourceLocation) {
      try cluster.runFirstStart(initFolder: initFolder, environment: environment)
    } throws: { error in
      guard case VerifyError.initFailed(let output) = error else { return false }
      return output.contains(message) && output.contains("nothing was changed")
    }

    try cluster.startWithPasswords()
    let leftovers = try cluster.admin(
      """
      SELECT count(*) FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> 'postgres';
      SELECT count(*) FROM pg_database WHERE datname LIKE '%\\_db';
      """
    )
    #expect(leftovers.output == "0\n0\n", sourceLocation: sourceLocation)
  }
}
