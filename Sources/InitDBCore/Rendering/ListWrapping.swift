/// Wraps comma-separated SQL lists, such as the grantees of one REVOKE, into lines.
///
/// Statements that reset privileges name many roles at once; wrapped near 80 columns
/// they stay readable in side-by-side diffs, and adding one role changes one line or two.
enum ListWrapping {
  /// The widest line a wrapped list makes, unless a single item is wider.
  static let width = 76

  /// Joins items with `, ` into lines no wider than `width`.
  ///
  /// - Parameters:
  ///   - items: The list's items, already quoted.
  ///   - terminator: Text appended to the last line, such as `;`.
  /// - Returns: The lines, each but the last ending in a comma; none for no items.
  static func lines(_ items: [String], terminator: String = "") -> [String] {
    var lines: [String] = []
    var current = ""

    for (index, item) in items.enumerated() {
      let piece = item + (index == items.count - 1 ? terminator : ",")
      if !current.isEmpty, current.count + 1 + piece.count > width {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + piece
    }
    if !current.isEmpty {
      lines.append(current)
    }
    return lines
  }
}
