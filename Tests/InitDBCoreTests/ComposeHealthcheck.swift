import Foundation

@testable import InitDBVerify

/// The `db` service's healthcheck from `local/docker-compose.yml`, run outside Docker.
///
/// The command is read from the compose file itself, so the test checks what the stack
/// runs: the folded `CMD-SHELL` string is joined as YAML joins it, Compose's `$$` escape
/// becomes `$`, and the mount point of the init folder becomes a folder on this machine.
enum ComposeHealthcheck {
  static let composeFile = GoldenFiles.repositoryRoot
    .appendingPathComponent("local/docker-compose.yml")

  /// The healthcheck's shell command, with `initFolder` where the image mounts it.
  static func command(initFolder: URL) throws -> String {
    let lines = try String(contentsOf: composeFile, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasSuffix("- >-") }),
      let end = lines[start...].firstIndex(where: { $0.hasPrefix("      interval:") })
    else {
      throw HealthcheckError(message: "no folded CMD-SHELL healthcheck in \(composeFile.path)")
    }

    return lines[(start + 1)..<end]
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
      .replacingOccurrences(of: "$$", with: "$")
      .replacingOccurrences(of: "/docker-entrypoint-initdb.d", with: initFolder.path)
  }

  /// Runs the healthcheck against a cluster, as the container would with its variables.
  ///
  /// - Returns: The command's status and output; status 0 means healthy.
  static func run(initFolder: URL, cluster: ScratchCluster) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
    environment["PATH"] = cluster.binaries.folder.path + ":" + (environment["PATH"] ?? "/bin")
    environment["PGPORT"] = String(cluster.port)
    environment["POSTGRES_USER"] = cluster.adminUser
    environment["POSTGRES_DB"] = "postgres"

    return try ProcessRunner.run(
      "/bin/sh",
      ["-c", try command(initFolder: initFolder)],
      environment: environment
    )
  }

  struct HealthcheckError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }
}
