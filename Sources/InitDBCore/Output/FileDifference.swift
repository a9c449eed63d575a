/// One way in which a folder on disk differs from what the model renders.
public struct FileDifference: Equatable, Sendable {
  /// What kind of difference it is.
  public enum Kind: Equatable, Sendable {
    /// The model renders the file but the folder does not have it.
    case missing

    /// The file's content differs; `diff` is a unified diff from disk to rendering.
    case changed(diff: String)

    /// The content is right but the run bit is not.
    case runBit(expected: Bool)

    /// A generated file that the model no longer renders.
    case stale
  }

  /// The file name inside the folder.
  public let name: String

  /// What differs.
  public let kind: Kind

  /// Makes a difference.
  public init(name: String, kind: Kind) {
    self.name = name
    self.kind = kind
  }
}

extension FileDifference: CustomStringConvertible {
  /// One line saying what differs, for example `010-roles.sh: content differs`.
  public var description: String {
    switch kind {
    case .missing: "\(name): missing"
    case .changed: "\(name): content differs (edited by hand, or the model changed)"
    case .runBit(let expected): "\(name): run bit should be \(expected ? "set" : "clear")"
    case .stale: "\(name): generated file that the model no longer produces"
    }
  }
}
