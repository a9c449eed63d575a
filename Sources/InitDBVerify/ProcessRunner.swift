import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does
/// not import.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func addCloseFrom(
  _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>,
  _ lowest: Int32
) -> Int32

/// What a finished process left behind.
public struct ProcessResult: Sendable {
  /// The exit status, or 128 plus the signal number when a signal ended it.
  public let status: Int32

  /// Everything it wrote to standard output.
  public let output: String

  /// Everything it wrote to standard error.
  public let errorOutput: String

  /// Whether it exited with status 0.
  public var succeeded: Bool { status == 0 }
}

/// Runs programs to completion, optionally as the unprivileged user PostgreSQL needs.
///
/// This uses `posix_spawn` and `waitpid` directly: Foundation's `Process` on Linux can
/// miss a child's exit when many run at once (seen here with `pg_ctl`, whose server
/// outlives it), and then waits forever.
public enum ProcessRunner {
  /// Runs a program and waits for it.
  ///
  /// Input and output go through temporary files rather than pipes, so a chatty program
  /// can never block on a full pipe while nobody reads it.
  ///
  /// - Parameters:
  ///   - executable: The program's path, or a name to look up on PATH.
  ///   - arguments: Its arguments.
  ///   - environment: Its environment; the current one when `nil`.
  ///   - input: Text for its standard input; `/dev/null` when `nil`.
  ///   - user: Run as this OS user through runuser(1), for a caller that is root.
  /// - Returns: Its status and output.
  /// - Throws: `VerifyError.serverFailed` when the program cannot be started.
  public static func run(
    _ executable: String,
    _ arguments: [String],
    environment: [String: String]? = nil,
    input: String? = nil,
    user: String? = nil
  ) throws -> ProcessResult {
    let command = (user.map { ["runuser", "-u", $0, "--"] } ?? []) + [executable] + arguments
    let variables = (environment ?? ProcessInfo.processInfo.environment)
      .map { "\($0.key)=\($0.value)" }

    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("initdb-gen-process-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }

    let inputFile = scratch.appendingPathComponent("stdin").path
    let outputFile = scratch.appendingPathComponent("stdout").path
    let errorFile = scratch.appendingPathComponent("stderr").path
    try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: inputFile))

    let status = try spawnAndWait(
      command,
      environment: variables,
      input: input == nil ? "/dev/null" : inputFile,
      output: outputFile,
      error: errorFile
    )
    return ProcessResult(
      status: status,
      output: String(
        decoding: FileManager.default.contents(atPath: outputFile) ?? Data(),
        as: UTF8.self
      ),
      errorOutput: String(
        decoding: FileManager.default.contents(atPath: errorFile) ?? Data(),
        as: UTF8.self
      )
    )
  }

  private static func spawnAndWait(
    _ command: [String],
    environment: [String],
    input: String,
    output: String,
    error: String
  ) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // Descriptors that other threads hold open (a file being copied, say) must not leak
    // into a server that outlives this call: an inherited writable descriptor of a
    // script makes every later exec of that script fail with "Text file busy".
    _ = addCloseFrom(&actions, 3)

    let argv = command.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, command[0], &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw VerifyError.serverFailed(
        step: "start \(command[0])",
        output: String(cString: strerror(spawned))
      )
    }

    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }
}
