/// Passwords for the kivoll login roles, as a container's environment would hold them.
enum KivollPasswords {
  /// Ordinary passwords, one per variable.
  static let plain: [String: String] = Dictionary(
    uniqueKeysWithValues: [
      "API_APP_PASSWORD", "API_MIGRATOR_PASSWORD", "PREDICT_APP_PASSWORD",
      "PREDICT_MIGRATOR_PASSWORD", "SCHEDULER_DB_PASSWORD", "WORKER_APP_PASSWORD",
      "WORKER_MIGRATOR_PASSWORD",
    ].map { ($0, "pw-\($0.lowercased())") }
  )

  /// Passwords made of everything that breaks naive quoting, each one different.
  static let hostile: [String: String] = [
    "API_APP_PASSWORD": #"'; DROP ROLE worker_app; --"#,
    "API_MIGRATOR_PASSWORD": #"back\slash \\ and "double" quotes"#,
    "PREDICT_APP_PASSWORD": "dollar $HOME $(id) ${PATH} $$ $1 `whoami`",
    "PREDICT_MIGRATOR_PASSWORD": "spaces  and\ttab; semicolon; :'psql' :\"var\"",
    "SCHEDULER_DB_PASSWORD": "unicode: größe 日本語 🐘 ünïcödé",
    "WORKER_APP_PASSWORD": "percent %s %d %n and *glob* ?[a] ~user",
    "WORKER_MIGRATOR_PASSWORD": "SQL 'it''s' E'\\x41' $$ dollar quoted $$ $tag$ x $tag$",
  ]

  /// Passwords at the edges of what a shell, psql and libpq carry, each one different.
  ///
  /// Lines inside a password, spaces around it, option-like words, a kilobyte of text,
  /// something that looks like a SCRAM verifier but is not one, and a trailing
  /// backslash. A password cannot end with a newline: the shell's `$(< file)` and
  /// psql's backquotes both drop trailing newlines (the README says so).
  static let unusual: [String: String] = [
    "API_APP_PASSWORD": "line one\nline two\r\nline three",
    "API_MIGRATOR_PASSWORD": "  leading and trailing spaces  ",
    "PREDICT_APP_PASSWORD": "-n -e --help",
    "PREDICT_MIGRATOR_PASSWORD": String(repeating: "long-€-", count: 150),
    "SCHEDULER_DB_PASSWORD": "SCRAM-SHA-256$not:a$verifier",
    "WORKER_APP_PASSWORD": #"\\server\share\ \n \t \' \" ends with a backslash\"#,
    "WORKER_MIGRATOR_PASSWORD": "%%s :pw :'pw' \\set x `id` \\! id",
  ]
}
