import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A throwaway PostgreSQL cluster, initialised the way the official image does it.
///
/// The cluster lives in a fresh temporary folder. When the caller is root (as CI is),
/// every server program runs as the OS user `postgres`, because PostgreSQL refuses to
/// run as root. Call `remove()` when done, on success and failure alike.
public final class ScratchCluster: @unchecked Sendable {
  /// The programs the cluster runs on.
  public let binaries: PostgresBinaries

  /// The image's `POSTGRES_USER`: the bootstrap superuser.
  public let adminUser = "postgres"

  /// The image's `POSTGRES_PASSWORD`, random for each cluster.
  public let adminPassword = "admin-" + UUID().uuidString

  /// The folder that holds the data directory.
  public let root: URL

  /// The TCP port, on the loopback address once `startWithPasswords()` ran.
  public let port: Int

  /// The OS user that runs the server, or `nil` when that is the current user.
  let serverUser: String?

  /// The data directory.
  public var dataDirectory: URL { root.appendingPathComponent("data") }

  /// Makes an empty cluster folder; nothing runs yet.
  ///
  /// - Parameter binaries: The PostgreSQL programs to use.
  /// - Throws: When the folder cannot be made.
  public init(binaries: PostgresBinaries) throws {
    self.binaries = binaries
    self.serverUser = getuid() == 0 ? "postgres" : nil
    self.port = try Self.freePort()
    self.root = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-cluster-\(UUID().uuidString.prefix(8))")

    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    if let serverUser {
      _ = try ProcessRunner.run("chown", [serverUser, root.path])
    }
  }

  /// Runs the image's first start with an init folder.
  ///
  /// - Parameters:
  ///   - initFolder: The folder the image would mount at /docker-entrypoint-initdb.d.
  ///   - environment: The container's variables: password variables and any other.
  ///   - serverOptions: Options for the server, such as `["-c", "log_statement=all"]`;
  ///     the image passes the same to its temporary init server.
  /// - Returns: The output of the first start, as the container log would show it.
  /// - Throws: `VerifyError.initFailed` when the image's first start would have failed;
  ///   the temporary server is stopped first.
  @discardableResult
  public func runFirstStart(
    initFolder: URL,
    environment: [String: String],
    serverOptions: [String] = []
  ) throws -> ProcessResult {
    let script = try FirstStartScript.install(in: root)
    var variables = baseEnvironment()
    variables.merge(environment) { $1 }
    variables["POSTGRES_USER"] = adminUser
    variables["POSTGRES_PASSWORD"] = adminPassword

    // Through bash rather than by its own run bit: exec'ing a file that was just written
    // races with other threads' open descriptors ("Text file busy").
    let result = try ProcessRunner.run(
      "bash",
      [script.path, initFolder.path] + serverOptions,
      environment: variables,
      user: serverUser
    )
    guard result.succeeded else {
      stop()
      throw VerifyError.initFailed(output: result.output + result.errorOutput)
    }
    return result
  }

  /// Starts the initialised cluster on the loopback address, where every role must
  /// give its password.
  ///
  /// The image's own pg_hba.conf trusts connections from inside the container; this
  /// one trusts only the unix socket, so that the checks over TCP prove the passwords.
  ///
  /// - Parameter serverOptions: Extra server options, such as logging settings.
  /// - Throws: `VerifyError.serverFailed` with the server's log.
  public func startWithPasswords(serverOptions: [String] = []) throws {
    let rules = """
      local all all trust
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256

      """
    try Data(rules.utf8).write(to: dataDirectory.appendingPathComponent("pg_hba.conf"))

    let options = ["-c", "listen_addresses=127.0.0.1", "-p", String(port)] + serverOptions
    let result = try pgctl([
      "start", "-w", "-l", logFile.path, "-o", options.map(shellQuoted).joined(separator: " "),
    ])
    guard result.succeeded else {
      throw VerifyError.serverFailed(step: "start", output: result.errorOutput + serverLog)
    }
  }

  /// The server's log so far, from `startWithPasswords()` on.
  public var serverLog: String {
    (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
  }

  /// Stops the server if it runs; never fails.
  public func stop() {
    _ = try? pgctl(["stop", "-m", "immediate", "-w"])
  }

  /// Stops the server and deletes the cluster's folder.
  public func remove() {
    stop()
    try? FileManager.default.removeItem(at: root)
  }

  /// Runs psql over TCP as a role, with its password.
  ///
  /// - Parameters:
  ///   - user: The role to log in as.
  ///   - password: Its password; `nil` logs in without one.
  ///   - database: The database to connect to.
  ///   - sql: The script, fed on standard input.
  ///   - stopOnError: Whether psql stops at the first error.
  /// - Returns: psql's status and output (unaligned, tuples only).
  public func psql(
    user: String,
    password: String?,
    database: String,
    sql: String,
    stopOnError: Bool = true
  ) throws -> ProcessResult {
    var environment = baseEnvironment()
    environment["PGPASSWORD"] = password
    environment["PGCONNECT_TIMEOUT"] = "10"

    return try ProcessRunner.run(
      binaries.program("psql"),
      [
        "--no-psqlrc", "--no-password", "--tuples-only", "--no-align", "--quiet",
        "-v", "ON_ERROR_STOP=\(stopOnError ? 1 : 0)",
        "--host", "127.0.0.1", "--port", String(port),
        "--username", user, "--dbname", database,
      ],
      environment: environment,
      input: sql
    )
  }

  /// Runs psql as the superuser over TCP.
  public func admin(_ sql: String, database: String = "postgres") throws -> ProcessResult {
    try psql(user: adminUser, password: adminPassword, database: database, sql: sql)
  }

  private var logFile: URL { root.appendingPathComponent("server.log") }

  private func pgctl(_ arguments: [String]) throws -> ProcessResult {
    try ProcessRunner.run(
      binaries.program("pg_ctl"),
      ["-D", dataDirectory.path] + arguments,
      environment: baseEnvironment(),
      user: serverUser
    )
  }

  /// PATH with the cluster's programs first, and no libpq variables from outside.
  private func baseEnvironment() -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
    environment["PATH"] = binaries.folder.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["PGDATA"] = dataDirectory.path
    environment["PGPORT"] = String(port)
    environment["LC_ALL"] = "C.UTF-8"
    return environment
  }

  private func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// A TCP port that nothing listens on now, as the kernel hands out for port 0.
  private static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }

    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)

    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
      }
    }
    guard bound else {
      throw VerifyError.serverFailed(
        step: "find a free port",
        output: String(cString: strerror(errno))
      )
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
