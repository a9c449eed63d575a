import Foundation
import InitDBVerify

/// What `initdb-gen verify --keep` tells about the server it leaves running.
enum KeptCluster {
  /// Writes the role passwords next to the data, and says how to connect and clean up.
  ///
  /// - Parameters:
  ///   - cluster: The server left running.
  ///   - environment: The first start's variables, with every role's password.
  /// - Returns: The text for standard error.
  static func instructions(_ cluster: ScratchCluster, environment: [String: String]) -> String {
    let file = cluster.root.appendingPathComponent("passwords.env")
    let lines = environment.keys.sorted().map { key in
      "\(key)='\(environment[key]!.replacingOccurrences(of: "'", with: "'\\''"))'"
    }
    _ = FileManager.default.createFile(
      atPath: file.path,
      contents: Data((lines.joined(separator: "\n") + "\n").utf8),
      attributes: [.posixPermissions: 0o600]
    )

    return """
      initdb-gen verify: kept PostgreSQL \(cluster.binaries.version) running in \
      \(cluster.root.path)
        connect as the administrator:
          PGPASSWORD='\(cluster.adminPassword)' psql -h 127.0.0.1 -p \(cluster.port) \
      -U \(cluster.adminUser) postgres
        role passwords (shell syntax): \(file.path)
        stop and remove it:
          \(stopCommand(cluster)) && rm -rf '\(cluster.root.path)'
      """
  }

  private static func stopCommand(_ cluster: ScratchCluster) -> String {
    let stop = "'\(cluster.binaries.program("pg_ctl"))' -D '\(cluster.dataDirectory.path)' stop"
    return getuid() == 0 ? "runuser -u postgres -- \(stop)" : stop
  }
}
