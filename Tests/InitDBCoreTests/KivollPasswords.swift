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
}
