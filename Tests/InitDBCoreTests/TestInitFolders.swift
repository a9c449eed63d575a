import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Init folders for the failure and convergence tests: rendered from changed models,
/// copied with a failing statement injected, and re-applied to a running cluster.
enum TestInitFolders {
  /// The committed kivoll init folder.
  static let committed = GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")

  /// The script an administrator re-applies a folder with.
  static let reapplyScript = GoldenFiles.repositoryRoot
    .appendingPathComponent("scripts/reapply-initdb.sh")

  /// Renders a model into a new folder under `root`.
  ///
  /// - Returns: The folder.
  static func render(_ model: PermissionModel, into root: URL, name: String) throws -> URL {
    let folder = root.appendingPathComponent(name)
    let renderer = Renderer(library: try TemplateLibrary.bundled(), source: .builtIn(model))

    try InitFolder(url: folder).write(try renderer.render(model))
    return folder
  }

  /// Copies a folder to `root/name`, inserting `statement` before the first line of
  /// `file` that starts with `marker`.
  ///
  /// - Returns: The copy.
  static func copy(
    _ folder: URL,
    into root: URL,
    name: String,
    injecting statement: String,
    in file: String,
    before marker: String
  ) throws -> URL {
    let copy = root.appendingPathComponent(name)
    try FileManager.default.copyItem(at: folder, to: copy)

    let target = copy.appendingPathComponent(file)
    var lines = try String(contentsOf: target, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = try #require(lines.firstIndex { $0.hasPrefix(marker) }, "\(file): \(marker)")
    lines.insert(statement, at: index)
    try Data(lines.joined(separator: "\n").utf8).write(to: target)
    return copy
  }

  /// Re-applies a folder with `scripts/reapply-initdb.sh`, as an administrator would:
  /// libpq's variables point at the cluster's TCP port as the superuser.
  ///
  /// - Parameter passwords: The password variables, as the `db` container has them.
  /// - Returns: The script's status and output.
  static func reapply(
    _ folder: URL,
    to cluster: ScratchCluster,
    passwords: [String: String]
  ) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("PG") && !$0.key.hasPrefix("POSTGRES_")
    }
    environment.merge(passwords) { $1 }
    environment["PATH"] = cluster.binaries.folder.path + ":" + (environment["PATH"] ?? "/bin")
    environment["PGHOST"] = "127.0.0.1"
    environment["PGPORT"] = String(cluster.port)
    environment["PGUSER"] = cluster.adminUser
    environment["PGPASSWORD"] = cluster.adminPassword
    environment["POSTGRES_DB"] = "postgres"

    return try ProcessRunner.run(
      "/bin/bash",
      [reapplyScript.path, folder.path],
      environment: environment
    )
  }

  /// Passwords different from `KivollPasswords.plain`, as after a rotation.
  static let rotatedPasswords = KivollPasswords.plain.mapValues { "rotated-" + $0 }

  /// Has a migrator create a schema, tables and a sequence, so that privileges on
  /// existing objects count in the comparisons.
  static func migrate(_ cluster: ScratchCluster, passwords: [String: String]) throws {
    for (migrator, variable, database) in [
      ("worker_migrator", "WORKER_MIGRATOR_PASSWORD", "worker_db"),
      ("predict_migrator", "PREDICT_MIGRATOR_PASSWORD", "predict_db"),
    ] {
      let result = try cluster.psql(
        user: migrator,
        password: passwords[variable],
        database: database,
        sql: """
          CREATE TABLE items (id serial PRIMARY KEY, note text);
          CREATE SCHEMA archive;
          CREATE TABLE archive.old_items (id integer PRIMARY KEY);
          CREATE SEQUENCE archive.numbers;
          """
      )
      try #require(result.succeeded, "\(migrator): \(result.errorOutput)")
    }
  }
}
