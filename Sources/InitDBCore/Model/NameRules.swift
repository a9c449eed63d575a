/// What the model accepts as a name, and why.
///
/// Names are stricter than PostgreSQL's identifiers on purpose: lowercase letters,
/// digits and underscores need no quoting when a person types them in psql or a
/// connection string, they are the same in every locale's file-name order, and they
/// cannot be confused with a differently cased twin.
enum NameRules {
  /// Names that PostgreSQL reserves for itself or that the image creates.
  static let reservedRoles: Set<String> = [
    "public", "none", "current_role", "current_user", "session_user", "postgres",
  ]
  static let reservedDatabases: Set<String> = ["postgres", "template0", "template1"]

  /// Checks a role, database or model name.
  ///
  /// - Throws: `InitDBError.invalidName` saying what is wrong.
  static func check(_ name: String, kind: String) throws {
    func invalid(_ reason: String) -> InitDBError {
      .invalidName(kind: kind, name: name, reason: reason)
    }

    guard let first = name.unicodeScalars.first else {
      throw invalid("a name cannot be empty")
    }
    guard name.unicodeScalars.allSatisfy(isLowercaseNameCharacter), !("0"..."9").contains(first)
    else {
      throw invalid(
        "use lowercase letters a-z, digits and underscores, starting with a letter or underscore"
      )
    }
    guard name.utf8.count <= SQLQuoting.maximumIdentifierBytes else {
      throw invalid(
        "\(name.utf8.count) bytes is over PostgreSQL's limit of "
          + "\(SQLQuoting.maximumIdentifierBytes) bytes"
      )
    }
    guard !name.hasPrefix("pg_") else {
      throw invalid("the pg_ prefix is reserved for PostgreSQL's own roles and objects")
    }
    if kind == "role", reservedRoles.contains(name) {
      throw invalid("PostgreSQL or the official image reserves this role name")
    }
    if kind == "database", reservedDatabases.contains(name) {
      throw invalid("PostgreSQL creates this database itself")
    }
    if kind == "service", name == "admin" {
      throw invalid("the env file of the image's administrator is .env.admin")
    }
  }

  /// Checks an environment variable name for a password.
  ///
  /// - Throws: `InitDBError.invalidName` saying what is wrong.
  static func checkVariable(_ name: String) throws {
    func invalid(_ reason: String) -> InitDBError {
      .invalidName(kind: "password variable", name: name, reason: reason)
    }

    guard let first = name.unicodeScalars.first,
      name.unicodeScalars.allSatisfy(isUppercaseVariableCharacter),
      !("0"..."9").contains(first)
    else {
      throw invalid("use uppercase letters A-Z, digits and underscores, not starting with a digit")
    }
    guard !name.hasPrefix("POSTGRES_"), !name.hasPrefix("PG") else {
      throw invalid("POSTGRES_ and PG variables belong to the official image and to libpq")
    }
    guard !name.hasSuffix("_FILE") else {
      throw invalid("the _FILE suffix is added at init for passwords read from files")
    }
  }

  private static func isLowercaseNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
  }

  private static func isUppercaseVariableCharacter(_ scalar: Unicode.Scalar) -> Bool {
    ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
  }
}
