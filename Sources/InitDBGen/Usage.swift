import InitDBCore

/// The texts initdb-gen shows about itself.
enum Usage {
  /// The one-line synopsis, shown after a usage error.
  static let synopsis = "Usage: initdb-gen [--check] [--output DIR]"

  /// The full `--help` text.
  static let help = """
    initdb-gen: render a PostgreSQL permission model into the init folder that
    the official postgres image runs from /docker-entrypoint-initdb.d on first
    start.

    \(synopsis)

    Without options, renders the built-in kivoll model into local/initdb of the
    repository that holds the working directory: writes the files that changed,
    all at once, and removes generated files that the model no longer produces.
    Files that initdb-gen did not generate are never touched.

    Options:
      --check         Render in memory and compare with the folder instead of
                      writing. Prints a unified diff of what is stale.
      -o, --output DIR
                      Write or check DIR instead of local/initdb.
      -h, --help      Show this help.
      --version       Show the version.

    Exit codes:
      0   Success; with --check, the folder is current.
      1   Failure: an invalid model, a write error, or (with --check) a stale
          folder.
      64  Wrong arguments.
    """

  /// The `--version` text.
  static let version = "initdb-gen \(InitDBGenVersion.current)"
}
