import Foundation

/// The programs a process tree ran, read from an `strace -f -xx -e trace=execve` log.
///
/// With `-xx` strace writes every byte of a string as `\xNN`, so the log is plain ASCII
/// and decodes back to the exact bytes of each path and argument, whatever they hold.
/// Without `-v` it leaves the environment out, which keeps the variables that are meant
/// to carry passwords out of the search.
enum ExecTrace {
  /// One program started: its path and its argument vector.
  struct Exec {
    let path: String
    let arguments: [String]

    /// The command line as `ps` would show it, arguments separated by spaces.
    var commandLine: String { arguments.joined(separator: " ") }
  }

  /// The programs in the log, in order.
  ///
  /// - Parameter log: The text strace wrote with `-o`.
  /// - Returns: One entry per `execve` call, successful or not.
  static func execs(in log: String) -> [Exec] {
    log.split(separator: "\n").compactMap { line in
      guard line.contains("execve(") else { return nil }

      let strings = quotedStrings(in: line)
      guard let path = strings.first else { return nil }
      return Exec(path: path, arguments: Array(strings.dropFirst()))
    }
  }

  /// The decoded `"\xNN…"` strings of one line.
  private static func quotedStrings(in line: Substring) -> [String] {
    var strings: [String] = []
    var current: [UInt8]?
    var index = line.utf8.startIndex
    let bytes = line.utf8

    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        if let finished = current {
          strings.append(String(decoding: finished, as: UTF8.self))
          current = nil
        } else {
          current = []
        }
      } else if current != nil, byte == UInt8(ascii: "\\"),
        let end = bytes.index(index, offsetBy: 4, limitedBy: bytes.endIndex),
        let value = UInt8(String(line[bytes.index(index, offsetBy: 2)..<end]), radix: 16)
      {
        current?.append(value)
        index = bytes.index(before: end)
      }
      index = bytes.index(after: index)
    }
    return strings
  }
}
