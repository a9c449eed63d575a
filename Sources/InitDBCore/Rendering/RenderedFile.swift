/// One file of the generated init folder, as it will be written.
public struct RenderedFile: Equatable, Sendable {
  /// The file name inside the folder, for example `010-roles.sh`.
  public let name: String

  /// The full content, LF line endings, ending in a newline.
  public let content: String

  /// Whether the file gets the run bit: the image then executes it instead of sourcing it.
  public let isExecutable: Bool

  /// Makes a rendered file.
  public init(name: String, content: String, isExecutable: Bool = false) {
    self.name = name
    self.content = content
    self.isExecutable = isExecutable
  }
}
