/// One generated thing outside the init folder: a whole file, or a marked region of a
/// file whose other lines people write.
public struct Artifact: Equatable, Sendable {
  /// What the artifact replaces.
  public enum Content: Equatable, Sendable {
    /// The whole file.
    case file(String)

    /// The lines between the file's two marker lines, which hold
    /// `initdb-gen:<name>:begin` and `initdb-gen:<name>:end`; the marker lines and
    /// everything around them stay as they are.
    case region(name: String, text: String)
  }

  /// The file's path relative to the repository root, for example `local/audit.sql`.
  public let path: String

  /// What is generated.
  public let content: Content

  /// Makes an artifact.
  public init(path: String, content: Content) {
    self.path = path
    self.content = content
  }
}
