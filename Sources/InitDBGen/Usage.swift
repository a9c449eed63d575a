import InitDBCore

/// The texts initdb-gen shows about itself.
enum Usage {
  /// The synopsis, shown after a usage error.
  static let synopsis = """
    Usage: initdb-gen [--check] [--output DIR [--model FILE]]
           initdb-gen model [--model FILE]
           initdb-gen audit [--model FILE]
    """

  /// The full `--help` text.
  static let help = """
    initdb-gen: render a PostgreSQL permission model into the init folder that
    the official postgres image runs from /docker-entrypoint-initdb.d on first
    start, and into everything else that must agree with it.

    \(synopsis)

    Without options, renders the built-in kivoll model into the repository that
    holds the working directory: local/initdb, the permission model section of
    README.md (between its initdb-gen markers), local/.env.*.example, the db
    service's env-file list in local/docker-compose.yml (between its markers)
    and local/audit.sql. Writes what changed, each file or folder atomically,
    and removes generated init files that the model no longer produces. Files
    that initdb-gen did not generate are never touched.

    Commands:
      model           Print the model as a JSON model file (format version
                      \(ModelFile.formatVersion)): the start of a model of your own.
      audit           Print a read-only psql script that reports every way a
                      running server differs from the model, and exits 3 when
                      anything differs (0 when nothing does).

    Options:
      --check         Render in memory and compare instead of writing. Prints
                      a unified diff of every stale file.
      -o, --output DIR
                      Write or check only the init folder, in DIR.
      -m, --model FILE
                      Render the model in the JSON file FILE instead of the
                      built-in one. Needs --output: only the init folder is
                      written; print its audit script with `audit --model`.
      -h, --help      Show this help.
      --version       Show the version.

    Exit codes:
      0   Success; with --check, everything is current.
      1   Failure: an unreadable or invalid model, a write error, or (with
          --check) a stale file.
      64  Wrong arguments.
    """

  /// The `--version` text.
  static let version = "initdb-gen \(InitDBGenVersion.current)"
}
