import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the one password that `hash-password` hashes, from standard input.
///
/// From a terminal it asks on stderr and turns echo off while the password is typed.
/// From a pipe or file it reads everything. Either way one trailing newline, as `echo`
/// and editors add, is dropped, which matches the init: it reads `NAME_FILE` with the
/// shell's `$(< file)` and a variable through psql's backquotes, and both drop
/// trailing newlines.
enum PasswordInput {
  /// Reads the password.
  ///
  /// - Returns: The password, without the trailing newline.
  /// - Throws: `PasswordInputError` for a password that no login could type: empty,
  ///   still ending in a newline, holding a NUL byte, or not UTF-8.
  static func read() throws(PasswordInputError) -> String {
    var bytes = isatty(STDIN_FILENO) == 1 ? promptWithoutEcho() : readAll()

    if bytes.last == UInt8(ascii: "\n") {
      bytes.removeLast()
    }
    guard !bytes.isEmpty else { throw .empty }
    guard bytes.last != UInt8(ascii: "\n") else { throw .endsWithNewline }
    guard !bytes.contains(0) else { throw .containsNUL }
    guard let password = String(bytes: bytes, encoding: .utf8) else { throw .notUTF8 }
    return password
  }

  private static func readAll() -> [UInt8] {
    [UInt8](FileHandle.standardInput.readDataToEndOfFile())
  }

  /// Asks on stderr and reads one line with the terminal's echo off, restoring it after.
  private static func promptWithoutEcho() -> [UInt8] {
    FileHandle.standardError.write(Data("Password: ".utf8))
    var saved = termios()
    let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if hasTerminal {
      var quiet = saved
      quiet.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
    }
    defer {
      if hasTerminal {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
      }
      FileHandle.standardError.write(Data("\n".utf8))
    }

    return Array((readLine(strippingNewline: false) ?? "").utf8)
  }
}

/// A password on standard input that `hash-password` cannot use.
enum PasswordInputError: Error, CustomStringConvertible {
  /// Standard input held nothing but perhaps a newline.
  case empty

  /// The password ends with a newline even after one was dropped.
  case endsWithNewline

  /// The password holds a NUL byte, which PostgreSQL's C strings end at.
  case containsNUL

  /// The password is not UTF-8.
  case notUTF8

  var description: String {
    switch self {
    case .empty:
      "no password on standard input"
    case .endsWithNewline:
      "the password ends with a newline, which the init drops when it reads passwords; "
        + "remove the trailing newlines"
    case .containsNUL:
      "the password holds a NUL byte, which no login can send"
    case .notUTF8:
      "the password is not valid UTF-8"
    }
  }
}
