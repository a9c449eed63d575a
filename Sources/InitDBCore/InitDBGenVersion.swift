/// The version of initdb-gen.
public enum InitDBGenVersion {
  /// The version as `major.minor.patch`.
  public static let current = "0.1.0"
}
