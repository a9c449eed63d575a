import InitDBCore

/// The texts initdb-gen shows about itself.
enum Usage {
  /// The synopsis, one line per command, shown after a usage error.
  static let synopsis = """
    Usage: initdb-gen [--check] [--output DIR]
           initdb-gen hash-password [--iterations N] < PASSWORD_FILE
    """

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

    hash-password reads one password from standard input (a terminal is asked
    for it without echo), drops one trailing newline, and prints its
    SCRAM-SHA-256 verifier: give that to the container instead of the password,
    and PostgreSQL stores it as it is. The password is never an argument,
    because other users can read every process's arguments.
      --iterations N  PBKDF2 iterations, from 4096 (PostgreSQL's default) up;
                      every login of the role pays for them.

    Exit codes:
      0   Success; with --check, the folder is current.
      1   Failure: an invalid model, a write error, (with --check) a stale
          folder, or (hash-password) no usable password.
      64  Wrong arguments.
    """

  /// The `--version` text.
  static let version = "initdb-gen \(InitDBGenVersion.current)"
}
