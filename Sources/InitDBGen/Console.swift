import Foundation

/// Where initdb-gen writes: stdout for what was asked for, stderr for the rest.
enum Console {
  /// Writes text to standard output, followed by `terminator`.
  static func output(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((text + terminator).utf8))
  }

  /// Writes a diagnostic to standard error, adding a newline.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
