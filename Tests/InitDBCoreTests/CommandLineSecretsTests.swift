import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Runs the first start under strace and proves that no program it starts gets a
/// password on its command line, where any user of the machine could read it in
/// /proc/PID/cmdline or `ps`.
///
/// Where strace is missing the test is skipped with a note, unless
/// `INITDB_GEN_REQUIRE_POSTGRES=1` (CI) makes that a failure; scripts/test.sh installs
/// Debian's strace package.
@Suite(PostgresServer.trait)
struct CommandLineSecretsTests {
  private let initFolder = GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")

  private static let strace = ["/usr/bin/strace", "/bin/strace"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test func theTraceReaderDecodesEveryByteOfEveryArgument() {
    let line =
      #"42 execve("\x2f\x62\x69\x6e\x2f\x65\x63\x68\x6f", ["\x65\x63\x68\x6f", "#
      + #""\x27\x20\xc3\xa4\x22"], 0x7ffd /* 3 vars */) = 0"#
    let execs = ExecTrace.execs(in: line)

    #expect(execs.first?.path == "/bin/echo")
    #expect(execs.first?.arguments == ["echo", "' ä\""])
  }

  @Test(arguments: SecretsTests.Delivery.allCases)
  func noPasswordIsOnAnyCommandLine(delivery: SecretsTests.Delivery) throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    guard let strace = Self.strace else {
      if PostgresServer.isRequired {
        Issue.record("strace is missing: install Debian's strace package")
      }
      return
    }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }

    let environment = try SecretsTests.environment(
      for: KivollPasswords.hostile,
      delivery: delivery,
      in: cluster
    )
    let trace = cluster.root.appendingPathComponent("execve.trace")
    let result = try tracedFirstStart(cluster, environment: environment, strace: strace, to: trace)
    #expect(result.succeeded, "\(result.errorOutput)")

    let execs = ExecTrace.execs(in: try String(contentsOf: trace, encoding: .utf8))
    expectTheTraceSawTheInit(execs)

    let passwords = KivollPasswords.hostile.merging(
      ["POSTGRES_PASSWORD": cluster.adminPassword]
    ) { $1 }
    let places = execs.map { PasswordLeaks.Place("argv of \($0.path)", text: $0.commandLine) }
    let leaks = PasswordLeaks.findings(of: passwords, in: places)
    #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
  }

  /// The search means something only if the trace holds the processes that handle the
  /// passwords: the roles file's psql, and the shells psql starts for its backquotes.
  private func expectTheTraceSawTheInit(_ execs: [ExecTrace.Exec]) {
    let psql = execs.filter { $0.path.hasSuffix("/psql") }
    #expect(psql.contains { $0.arguments.contains("--no-psqlrc") }, "no psql in the trace")

    let backquotes = execs.filter {
      $0.commandLine.contains(#"printf '%s' "$WORKER_APP_PASSWORD""#)
    }
    #expect(!backquotes.isEmpty, "no backquote shell in the trace: \(execs.count) execs")
  }

  /// The image's first start, as ScratchCluster runs it, under strace.
  private func tracedFirstStart(
    _ cluster: ScratchCluster,
    environment: [String: String],
    strace: String,
    to trace: URL
  ) throws -> ProcessResult {
    let script = try FirstStartScript.install(in: cluster.root)
    var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
    variables["PATH"] = cluster.binaries.folder.path + ":" + (variables["PATH"] ?? "/usr/bin")
    variables["PGDATA"] = cluster.dataDirectory.path
    variables["PGPORT"] = String(cluster.port)
    variables["LC_ALL"] = "C.UTF-8"
    variables.merge(environment) { $1 }
    variables["POSTGRES_USER"] = cluster.adminUser
    variables["POSTGRES_PASSWORD"] = cluster.adminPassword

    // -s: whole strings; -xx: every byte as \xNN; no -v: no environments.
    return try ProcessRunner.run(
      strace,
      [
        "-f", "-xx", "-s", "1000000", "-e", "trace=execve", "-o", trace.path,
        script.path, initFolder.path,
      ],
      environment: variables,
      user: cluster.serverUser
    )
  }
}
