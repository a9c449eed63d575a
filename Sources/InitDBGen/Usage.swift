import InitDBCore

/// The texts initdb-gen shows about itself.
enum Usage {
  /// The synopsis, one line per command, shown after a usage error.
  static let synopsis = """
    Usage: initdb-gen [--check] [--output DIR [--model FILE]]
           initdb-gen model [--model FILE]
           initdb-gen audit [--model FILE]
           initdb-gen verify [--pg-bin DIR] [--initdb DIR] [--env-file FILE ...]
                             [--keep]
           initdb-gen hash-password [--iterations N] < PASSWORD_FILE
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

    `initdb-gen verify` proves the init folder on a throwaway PostgreSQL
    server; see 'initdb-gen verify --help'.

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

    hash-password reads one password from standard input (a terminal is asked
    for it without echo), drops one trailing newline, and prints its
    SCRAM-SHA-256 verifier: give that to the container instead of the password,
    and PostgreSQL stores it as it is. The password is never an argument,
    because other users can read every process's arguments.
      --iterations N  PBKDF2 iterations, from 4096 (PostgreSQL's default) up;
                      every login of the role pays for them.

    Exit codes:
      0   Success; with --check, everything is current.
      1   Failure: an unreadable or invalid model, a write error, (with
          --check) a stale file, or (hash-password) no usable password.
      64  Wrong arguments.
    """

  /// The `verify --help` text.
  static let verifyHelp = """
    initdb-gen verify: prove an init folder on a throwaway PostgreSQL server.

    Usage: initdb-gen verify [--pg-bin DIR] [--initdb DIR] [--env-file FILE ...]
                             [--keep]

    Runs the init folder exactly as the official image's first start does, on a
    new cluster in a temporary folder (as the OS user postgres when run as
    root), then restarts the server on 127.0.0.1 with password authentication
    and acts as every login role: CONNECT to every database, creating tables,
    indexes, views and schemas, altering and dropping, and SELECT, INSERT
    (serial and identity keys), UPDATE, DELETE and TRUNCATE on what the owner
    and each migrator create, who owns it, a realistic migration and typical
    queries, and that NOLOGIN roles cannot log in. Every outcome is compared
    with what the model says.

    Prints a table (role, database, action, expected, actual), every mismatch
    again with its role, database and action, and 'N passed, M failed'. The
    server and its data are removed at the end, on failure and on Ctrl-C.

    Options:
      --pg-bin DIR    The folder with postgres, initdb, pg_ctl and psql.
                      Default: the postgres on PATH.
      --initdb DIR    The init folder. Default: local/initdb of the repository.
      --env-file FILE KEY=VALUE lines for the first start, as Docker Compose
                      reads env files; repeat for several files. Without one,
                      every password variable gets a random password made of
                      characters that break naive quoting.
      --keep          Leave the server running and say how to connect.
      -h, --help      Show this help.

    Exit codes:
      0   Every check passed.
      1   A mismatch, a failed first start, or a server that would not run.
      64  Wrong arguments.
    """

  /// The `--version` text.
  static let version = "initdb-gen \(InitDBGenVersion.current)"
}
