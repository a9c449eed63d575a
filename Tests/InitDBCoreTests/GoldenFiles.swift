import Foundation
import Testing

@testable import InitDBCore

/// Compares rendered files with golden files kept in the repository.
///
/// Set `INITDB_GEN_RECORD=1` to re-record: the golden folder is rewritten and the test
/// fails with a note to re-run, so a recording never passes silently. CI never records.
enum GoldenFiles {
  /// The repository's top folder, found from this file's location.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The folder of this test target, where fixtures live.
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["INITDB_GEN_RECORD"] == "1"
  }

  /// Checks rendered files against a golden folder, or records them.
  static func assertMatches(
    _ files: [RenderedFile],
    folder: URL,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let golden = InitFolder(url: folder)

    if isRecording {
      guard ProcessInfo.processInfo.environment["CI"] == nil else {
        Issue.record(
          "INITDB_GEN_RECORD is set in CI, which never records",
          sourceLocation: sourceLocation
        )
        return
      }
      try golden.write(files)
      Issue.record(
        Comment(
          rawValue: "Recorded new golden files in \(folder.path). Re-run without "
            + "INITDB_GEN_RECORD to assert against them, and review them with git diff."
        ),
        sourceLocation: sourceLocation
      )
      return
    }

    let differences = try golden.differences(from: files)
    guard !differences.isEmpty else { return }

    let report = differences.map { difference in
      if case .changed(let diff) = difference.kind { return diff }
      return "\(difference)\n"
    }
    Issue.record(
      """
      The rendered files differ from the golden files in \(folder.path):
      \(report.joined())
      If the change is intended, re-record with INITDB_GEN_RECORD=1 swift test \
      and review the result with git diff.
      """,
      sourceLocation: sourceLocation
    )
  }
}
