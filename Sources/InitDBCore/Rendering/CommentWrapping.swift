/// Wraps prose into comment lines for generated files.
///
/// Generated files are read in side-by-side diffs, so comments built from model text
/// (summaries, access lists) are wrapped near 80 columns instead of running on.
enum CommentWrapping {
  /// The widest line a wrapped comment makes, unless a single word is wider.
  static let width = 78

  /// Wraps text into lines that each start with `marker` and a space.
  ///
  /// - Parameters:
  ///   - text: Words separated by spaces.
  ///   - marker: The comment marker, `#` or `--`.
  /// - Returns: The lines, without newlines.
  static func lines(_ text: String, marker: String) -> [String] {
    var lines: [String] = []
    var current = marker

    for word in text.split(separator: " ") {
      if current != marker, current.count + 1 + word.count > width {
        lines.append(current)
        current = marker
      }
      current += " " + word
    }
    lines.append(current)
    return lines
  }
}
