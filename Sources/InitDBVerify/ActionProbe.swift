import InitDBCore

/// A batch of actions that one login role tries in one database, in one psql session.
///
/// Each action runs in a transaction that is rolled back, inside a `DO` block that turns
/// its outcome into a NOTICE line (`probe|<id>|allowed`, `…|denied` or `…|error|…`), so
/// that an allowed DROP or TRUNCATE leaves the probe objects for the next action, and
/// one session reports every outcome even when some actions fail.
struct ActionProbe {
  /// One action of the batch, with the outcome the model expects.
  struct Item {
    let action: String
    let statement: String
    let expected: Bool
  }

  /// The items, in the order they run.
  private(set) var items: [Item] = []

  /// Adds an action.
  mutating func add(_ action: String, statement: String, expected: Bool) {
    items.append(Item(action: action, statement: statement, expected: expected))
  }

  /// The psql script that tries every action.
  func script() throws -> String {
    var lines = ["\\set QUIET on", "SET client_min_messages = notice;"]

    for (index, item) in items.enumerated() {
      let statement = try SQLQuoting.literal(item.statement)
      lines += [
        "BEGIN;",
        "DO $probe$ BEGIN",
        "  EXECUTE \(statement);",
        "  RAISE NOTICE 'probe|\(index)|allowed';",
        "EXCEPTION",
        "  WHEN insufficient_privilege THEN RAISE NOTICE 'probe|\(index)|denied';",
        "  WHEN OTHERS THEN",
        "    RAISE NOTICE 'probe|\(index)|error: % (SQLSTATE %)', SQLERRM, SQLSTATE;",
        "END $probe$;",
        "ROLLBACK;",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Turns psql's messages into one check per action.
  ///
  /// - Parameters:
  ///   - messages: psql's standard error, where NOTICE lines go.
  ///   - role: The login role that ran the batch.
  ///   - database: The database it ran in.
  /// - Returns: The checks, in the order of the items.
  func checks(from messages: String, role: String, database: String) -> [AccessCheck] {
    var outcomes: [Int: String] = [:]

    for line in messages.split(separator: "\n") {
      guard let start = line.range(of: "probe|") else { continue }
      let fields = line[start.upperBound...].split(separator: "|", maxSplits: 1)
      guard fields.count == 2, let index = Int(fields[0]) else { continue }
      outcomes[index] = String(fields[1])
    }
    return items.enumerated().map { index, item in
      AccessCheck(
        role: role,
        database: database,
        action: item.action,
        expected: AccessCheck.outcome(item.expected),
        actual: outcomes[index] ?? "no result"
      )
    }
  }
}
