/// The exit codes of initdb-gen, as `--help` documents them.
enum ExitStatus: Int32 {
  /// The command did what was asked; with `--check`, the files are current.
  case success = 0

  /// The command failed, or `--check` found stale files.
  case failure = 1

  /// The arguments were wrong (`EX_USAGE` from sysexits.h).
  case usage = 64
}
