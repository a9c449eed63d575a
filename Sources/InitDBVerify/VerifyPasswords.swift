import Foundation
import InitDBCore

/// The passwords that verify gives the first start, and uses to log in as each role.
public enum VerifyPasswords {
  /// Characters that break naive quoting in shell, SQL, psql and libpq, mixed into
  /// every generated password.
  static let hostileCharacters = Array(#"'"\$`;:%{}()[]*?~#&|<> =ü日🐘"#)

  /// A random password of 24 characters, with at least four hostile ones.
  public static func random() -> String {
    let plain = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    let hostile = (0..<4).map { _ in hostileCharacters.randomElement()! }
    let rest = (0..<20).map { _ in (plain + hostileCharacters).randomElement()! }
    return String((hostile + rest).shuffled())
  }

  /// The environment of the first start: every variable from the files, or a random
  /// password for every password variable when there are none.
  ///
  /// - Parameters:
  ///   - model: The model whose password variables need values.
  ///   - files: Environment files, as Docker Compose's `env_file` reads them.
  /// - Returns: The variables.
  /// - Throws: `VerifyError.unreadableEnvironmentFile`.
  public static func environment(model: PermissionModel, files: [String]) throws -> [String: String]
  {
    guard !files.isEmpty else {
      return Dictionary(uniqueKeysWithValues: model.passwordVariables.map { ($0, random()) })
    }
    var environment: [String: String] = [:]
    for file in files {
      let known = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      environment.merge(try EnvironmentFile.read(file, known: known)) { $1 }
    }
    // The throwaway cluster's administrator is its own; the files' would not apply.
    environment["POSTGRES_USER"] = nil
    environment["POSTGRES_PASSWORD"] = nil
    environment["POSTGRES_DB"] = nil
    return environment
  }

  /// The password a login role logs in with: its variable, or the file `NAME_FILE`
  /// names; `nil` when neither is set or when it is a SCRAM verifier.
  static func password(of role: Role, in environment: [String: String]) -> String? {
    guard let variable = role.passwordVariable else { return nil }
    var value = environment[variable]

    if value?.isEmpty ?? true, let file = environment[variable + "_FILE"] {
      value = (try? String(contentsOfFile: file, encoding: .utf8)).map {
        // $(< file) in the roles script drops trailing newlines the same way.
        String($0.reversed().drop { $0 == "\n" }.reversed())
      }
    }
    guard let value, !value.isEmpty, !value.hasPrefix("SCRAM-SHA-256$") else { return nil }
    return value
  }
}
