/// Replaces the generated region of a file that is otherwise written by people.
///
/// The region is delimited by two lines, one holding `initdb-gen:<name>:begin` and one
/// holding `initdb-gen:<name>:end`, in whatever comment syntax the file uses
/// (`<!-- … -->` in Markdown, `# …` in YAML). Only the lines between them change.
enum MarkedRegion {
  /// The file's text with the region's lines replaced by `text`.
  ///
  /// - Parameters:
  ///   - content: The whole file.
  ///   - name: The region's name.
  ///   - text: The new lines, each ending in a newline.
  ///   - file: The file's name, for the error.
  /// - Throws: `InitDBError.missingMarkers` unless both markers are there, in order.
  static func splice(_ content: String, name: String, text: String, file: String) throws
    -> String
  {
    var lines = content.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    guard let begin = lines.firstIndex(where: { $0.contains("initdb-gen:\(name):begin") }),
      let end = lines[begin...].firstIndex(where: { $0.contains("initdb-gen:\(name):end") })
    else {
      throw InitDBError.missingMarkers(file: file, region: name)
    }

    var replacement = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    if replacement.last == "" { replacement.removeLast() }
    lines.replaceSubrange(begin + 1..<end, with: replacement)
    return lines.joined(separator: "\n")
  }
}
