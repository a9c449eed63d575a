extension ArgumentParser {
  /// Parses the options of `initdb-gen verify`.
  static func parseVerify(_ cursor: ArgumentCursor) throws(UsageError) -> Invocation {
    var cursor = cursor
    var options = VerifyOptions()

    while let (name, attached) = cursor.next() {
      switch name {
      case "-h", "--help":
        return .verifyHelp
      case "--pg-bin":
        options.postgresBin = try cursor.value(attached, of: name)
      case "--initdb":
        options.initFolder = try cursor.value(attached, of: name)
      case "--env-file":
        options.environmentFiles.append(try cursor.value(attached, of: name))
      case "--keep":
        try cursor.flag(attached, of: name)
        options.keep = true
      default:
        throw ArgumentCursor.unrecognised(name)
      }
    }
    return .verify(options)
  }
}
