import Foundation
import InitDBCore

/// Proves an init folder on a real server: runs it as the image's first start, then
/// checks the whole access matrix of the model by acting as every login role over TCP
/// with its password.
///
/// The verifier leaves its cluster running when it returns or throws; the caller
/// removes it (`removeCluster()`) or keeps it for inspection.
public final class Verifier: @unchecked Sendable {
  /// The model the expectations come from.
  public let model: PermissionModel

  /// The PostgreSQL programs to run.
  public let binaries: PostgresBinaries

  /// The folder the image would mount at /docker-entrypoint-initdb.d.
  public let initFolder: URL

  /// The container's variables: one per password variable, and any other.
  public let environment: [String: String]

  private let matrix: AccessMatrix
  private let progress: @Sendable (String) -> Void
  private let lock = NSLock()
  private var currentCluster: ScratchCluster?

  /// Makes a verifier; nothing runs yet.
  ///
  /// - Parameters:
  ///   - model: The permission model the folder was rendered from.
  ///   - binaries: The PostgreSQL installation to run.
  ///   - initFolder: The init folder.
  ///   - environment: The first start's variables, with the password variables.
  ///   - progress: Receives a line for each step, for people watching.
  public init(
    model: PermissionModel,
    binaries: PostgresBinaries,
    initFolder: URL,
    environment: [String: String],
    progress: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.model = model
    self.binaries = binaries
    self.initFolder = initFolder
    self.environment = environment
    self.matrix = AccessMatrix(model: model)
    self.progress = progress
  }

  /// The throwaway cluster, once `run()` made it.
  public var cluster: ScratchCluster? {
    lock.withLock { currentCluster }
  }

  /// Stops the cluster and removes its data; safe to call from a signal handler's
  /// queue and more than once.
  ///
  /// A second caller waits until the first one has finished removing, so that the
  /// process does not exit with the data half removed.
  public func removeCluster() {
    lock.withLock {
      currentCluster?.remove()
      currentCluster = nil
    }
  }

  /// Runs the first start and every check.
  ///
  /// - Returns: The report; a mismatch is a failed check, not an error.
  /// - Throws: `VerifyError` when the server or the first start fails, or a login
  ///   role's password is not usable.
  public func run() throws -> VerifyReport {
    let passwords = try loginPasswords()
    let cluster = try ScratchCluster(binaries: binaries)
    lock.withLock { currentCluster = cluster }

    progress(
      "first start of \(initFolder.path) on PostgreSQL \(binaries.version) "
        + "in \(cluster.root.path)"
    )
    try cluster.runFirstStart(
      initFolder: try copyInitFolder(into: cluster),
      environment: environment
    )
    try cluster.startWithPasswords()

    progress("checking every role over TCP on 127.0.0.1:\(cluster.port)")
    let probe = MatrixProbe(cluster: cluster, matrix: matrix, passwords: passwords)
    var checks = try probe.noLoginChecks()
    for database in matrix.databases {
      progress("checking \(database.name)")
      checks += try probe.checks(in: database)
    }
    return VerifyReport(serverVersion: binaries.version, checks: checks)
  }

  /// The password of every login role, as the first start will set it.
  private func loginPasswords() throws -> [String: String] {
    var passwords: [String: String] = [:]

    for role in matrix.loginRoles {
      guard let password = VerifyPasswords.password(of: role, in: environment) else {
        throw VerifyError.unusablePassword(role: role.name, variable: role.passwordVariable!)
      }
      passwords[role.name] = password
    }
    return passwords
  }

  /// Copies the init folder, run bits and all, where the server's OS user can read it,
  /// so that a folder under a private home works and the original is never touched.
  private func copyInitFolder(into cluster: ScratchCluster) throws -> URL {
    let copy = cluster.root.appendingPathComponent("initdb")

    do {
      try FileManager.default.copyItem(at: initFolder, to: copy)
    } catch {
      throw VerifyError.serverFailed(
        step: "copy the init folder",
        output: "\(initFolder.path): \(error.localizedDescription)"
      )
    }
    if let user = cluster.serverUser {
      _ = try ProcessRunner.run("chown", ["-R", user, copy.path])
    }
    return copy
  }
}
