/// The outcome of a verification: every check, as a table people read.
public struct VerifyReport: Sendable {
  /// The server version the checks ran on, for example `16.13`.
  public let serverVersion: String

  /// Every check, in the order they ran.
  public let checks: [AccessCheck]

  /// Makes a report.
  public init(serverVersion: String, checks: [AccessCheck]) {
    self.serverVersion = serverVersion
    self.checks = checks
  }

  /// The checks where the server did not do what the model says.
  public var failures: [AccessCheck] {
    checks.filter { !$0.passed }
  }

  /// Whether every check passed.
  public var passed: Bool {
    failures.isEmpty
  }

  /// The final line, for example `612 passed, 0 failed`.
  public var summary: String {
    "\(checks.count - failures.count) passed, \(failures.count) failed"
  }

  /// The table of every check, then each mismatch spelled out, then the summary.
  ///
  /// Columns are role, database, action, expected and actual; a mismatch ends with
  /// `MISMATCH`, so that `grep MISMATCH` finds every one.
  public var text: String {
    let header = ["role", "database", "action", "expected", "actual"]
    let rows = checks.map { [$0.role, $0.database, $0.action, $0.expected, $0.actual] }
    let widths = (0..<header.count - 1).map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }

    func line(_ cells: [String]) -> String {
      zip(cells.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
        .joined(separator: "  ") + "  " + cells[cells.count - 1]
    }

    var lines = ["PostgreSQL \(serverVersion)", "", line(header)]
    for (check, row) in zip(checks, rows) {
      lines.append(line(row) + (check.passed ? "" : "  MISMATCH"))
    }
    if !failures.isEmpty {
      lines += ["", "Mismatches:"]
      lines += failures.map {
        "  role \($0.role), database \($0.database), action \($0.action): "
          + "expected \($0.expected), got \($0.actual)"
      }
    }
    lines += ["", summary]
    return lines.joined(separator: "\n")
  }
}
