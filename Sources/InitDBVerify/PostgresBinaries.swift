import Foundation

/// A PostgreSQL installation's server and client programs.
public struct PostgresBinaries: Sendable {
  /// The folder holding `postgres`, `initdb`, `pg_ctl` and `psql`.
  public let folder: URL

  /// The server version, for example `15.18`.
  public let version: String

  /// The major version, for example 15.
  public var major: Int {
    Int(version.prefix { $0.isNumber }) ?? 0
  }

  /// The path of one of the programs.
  public func program(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }

  /// Finds the programs in a folder, or next to the first `postgres` on PATH.
  ///
  /// - Parameter folder: The folder to use; PATH is searched when `nil`.
  /// - Returns: The installation, with its version read from `postgres --version`.
  /// - Throws: `VerifyError.postgresNotFound` when there is no usable installation.
  public static func locate(in folder: URL? = nil) throws -> PostgresBinaries {
    guard let folder = folder ?? searchPath() else {
      throw VerifyError.postgresNotFound(
        "no postgres on PATH; install PostgreSQL (scripts/install-postgres.sh) or pass --pg-bin"
      )
    }
    for program in ["postgres", "initdb", "pg_ctl", "psql"] {
      guard
        FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(program).path)
      else {
        throw VerifyError.postgresNotFound("\(folder.path) has no \(program)")
      }
    }

    let result = try ProcessRunner.run(
      folder.appendingPathComponent("postgres").path,
      ["--version"]
    )
    // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)": the first number.
    let words = result.output.split(whereSeparator: \.isWhitespace)
    guard result.succeeded, let version = words.first(where: { $0.first?.isNumber == true })
    else {
      throw VerifyError.postgresNotFound("\(folder.path)/postgres --version failed")
    }
    return PostgresBinaries(
      folder: folder,
      version: version.trimmingCharacters(in: .whitespacesAndNewlines)
    )
  }

  /// The folder of the first `postgres` on PATH, with symbolic links resolved so
  /// that `initdb` and friends come from the same installation.
  private static func searchPath() -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""

    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("postgres")
      if FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate.resolvingSymlinksInPath().deletingLastPathComponent()
      }
    }
    return nil
  }
}
