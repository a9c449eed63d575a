import Foundation
import Testing

@testable import InitDBVerify

/// The PostgreSQL installations that the real-server tests run against.
///
/// `INITDB_GEN_PG_BINS` lists bin folders separated by colons (scripts/install-postgres.sh
/// prints them); otherwise the `postgres` on PATH is used. Where none is found the tests
/// are skipped with a note, unless `INITDB_GEN_REQUIRE_POSTGRES=1` (set by CI) makes
/// that a failure.
enum PostgresServer {
  static let installations: [PostgresBinaries] = {
    let environment = ProcessInfo.processInfo.environment
    if let list = environment["INITDB_GEN_PG_BINS"], !list.isEmpty {
      return list.split(separator: ":").compactMap {
        try? PostgresBinaries.locate(in: URL(fileURLWithPath: String($0)))
      }
    }
    return (try? PostgresBinaries.locate()).map { [$0] } ?? []
  }()

  static var isRequired: Bool {
    ProcessInfo.processInfo.environment["INITDB_GEN_REQUIRE_POSTGRES"] == "1"
  }

  /// The newest installation, for tests that need one server rather than every major.
  static var newest: PostgresBinaries? {
    installations.max { $0.major < $1.major }
  }

  /// Whether real-server tests can run; records a failure when they must and cannot.
  static func available(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard installations.isEmpty else { return true }
    if isRequired {
      Issue.record(
        Comment(
          rawValue: "INITDB_GEN_REQUIRE_POSTGRES=1 but no PostgreSQL was found: run "
            + "scripts/install-postgres.sh and set INITDB_GEN_PG_BINS, or put postgres on PATH"
        ),
        sourceLocation: sourceLocation
      )
    }
    return false
  }

  /// The condition for a real-server test, with the note shown when it is skipped.
  static let trait = ConditionTrait.enabled(
    if: !installations.isEmpty || isRequired,
    Comment(
      rawValue: "no PostgreSQL server found: install one (apt-get install postgresql-15, or "
        + "scripts/install-postgres.sh) and put its bin folder on PATH or in INITDB_GEN_PG_BINS"
    )
  )
}

extension PostgresBinaries: CustomTestStringConvertible {
  /// Names the installation in parameterized test results, for example `PostgreSQL 14.22`.
  public var testDescription: String { "PostgreSQL \(version)" }
}
