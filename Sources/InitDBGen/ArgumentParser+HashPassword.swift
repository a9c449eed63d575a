extension ArgumentParser {
  /// Parses the options of `initdb-gen hash-password`.
  ///
  /// The password itself is never an argument: other users of the machine can read
  /// every process's arguments. It comes on standard input.
  static func parseHashPassword(_ cursor: ArgumentCursor) throws(UsageError) -> Invocation {
    var cursor = cursor
    var options = HashPasswordOptions()

    while let (name, attached) = cursor.next() {
      switch name {
      case "-h", "--help":
        return .help
      case "--iterations":
        let value = try cursor.value(attached, of: name)
        options.iterations = try iterations(value, of: name)
      default:
        throw ArgumentCursor.unrecognised(name)
      }
    }
    return .hashPassword(options)
  }

  private static func iterations(_ value: String, of option: String) throws(UsageError) -> Int {
    let range = HashPasswordOptions.minimumIterations...HashPasswordOptions.maximumIterations
    guard let count = Int(value), range.contains(count) else {
      throw UsageError.invalidValue(
        option,
        value: value,
        expected: "a whole number from \(range.lowerBound) to \(range.upperBound)"
      )
    }
    return count
  }
}
