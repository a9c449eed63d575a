/// Everything that can go wrong in initdb-gen's library.
///
/// The library throws these and never prints; the command line adds context (which
/// file, which command) and decides the exit code. Each message is lowercase, names
/// the thing that is wrong, and reads on its own after `error: `.
public enum InitDBError: Error, Equatable, Sendable {
  /// A role, database or variable name that PostgreSQL or the shell would not take as is.
  case invalidName(kind: String, name: String, reason: String)

  /// Two declarations share a name.
  case duplicateName(kind: String, name: String)

  /// A declaration refers to a role that the model does not declare.
  case undeclaredRole(name: String, referencedBy: String)

  /// Role memberships that lead back to where they started.
  case membershipCycle(roles: [String])

  /// Two login roles read their password from the same variable.
  case sharedPasswordVariable(variable: String, roles: [String])

  /// A database lists a role twice, or lists its own owner.
  case conflictingAccess(database: String, role: String, reason: String)

  /// A migrator that cannot act as the owner of the database it migrates.
  case migratorNotMember(role: String, database: String, owner: String)

  /// A role names a service that the model does not declare.
  case undeclaredService(name: String, role: String)

  /// A login role of a model with services names none, so no env file carries its
  /// password.
  case missingService(role: String)

  /// A role without login names a service, which has no password to carry.
  case serviceWithoutLogin(role: String)

  /// A model file that is not valid JSON, or not a model: the JSON path (`$` for the
  /// whole document) and the line and column where the text has them.
  case invalidModelFile(file: String, path: String, line: Int?, column: Int?, reason: String)

  /// A model file that reads well but describes an invalid model.
  indirect case invalidModel(file: String, error: InitDBError)

  /// A file whose generated region lacks its begin or end marker.
  case missingMarkers(file: String, region: String)

  /// A value that cannot be written as an SQL identifier or literal.
  case unquotable(value: String, reason: String)

  /// A template that does not parse.
  case templateSyntax(template: String, line: Int, message: String)

  /// A template names a value that the renderer does not provide.
  case templateValueMissing(name: String, template: String, line: Int)

  /// A template or include that does not exist.
  case templateNotFound(name: String, includedBy: String?, line: Int?)

  /// A file or folder that cannot be read.
  case unreadableFile(path: String, reason: String)

  /// A file or folder that cannot be written; what was there before is left as it was.
  case unwritableOutput(path: String, reason: String)
}

extension InitDBError: CustomStringConvertible {
  /// The message shown to the user after `error: `.
  public var description: String {
    switch self {
    case .invalidName(let kind, let name, let reason):
      return "invalid \(kind) name '\(name)': \(reason)"
    case .duplicateName(let kind, let name):
      return "\(kind) '\(name)' is declared more than once"
    case .undeclaredRole(let name, let referencedBy):
      return "role '\(name)' is not declared (referenced by \(referencedBy))"
    case .membershipCycle(let roles):
      return "role memberships form a cycle: \(roles.joined(separator: " -> "))"
    case .sharedPasswordVariable(let variable, let roles):
      return "roles \(roles.map { "'\($0)'" }.joined(separator: ", ")) share the password "
        + "variable \(variable); give each login role its own"
    case .conflictingAccess(let database, let role, let reason):
      return "database '\(database)', role '\(role)': \(reason)"
    case .migratorNotMember(let role, let database, let owner):
      return "role '\(role)' migrates database '\(database)' but is not a member of its "
        + "owner '\(owner)': add '\(owner)' to its memberships"
    case .undeclaredService(let name, let role):
      return "service '\(name)' is not declared (referenced by role '\(role)')"
    case .missingService(let role):
      return "login role '\(role)' names no service, so no env file carries its password: "
        + "add its service"
    case .serviceWithoutLogin(let role):
      return "role '\(role)' names a service but has no password variable to give it"
    case .invalidModelFile(let file, let path, let line, let column, let reason):
      let position = line.map { ":\($0):\(column ?? 1)" } ?? ""
      return "\(file)\(position): \(path): \(reason)"
    case .invalidModel(let file, let error):
      return "\(file): invalid model: \(error)"
    case .missingMarkers(let file, let region):
      return "\(file) lacks the markers of its generated region: add lines holding "
        + "'initdb-gen:\(region):begin' and 'initdb-gen:\(region):end'"
    case .unquotable(let value, let reason):
      return "cannot quote '\(value)': \(reason)"
    case .templateSyntax(let template, let line, let message):
      return "\(template):\(line): \(message)"
    case .templateValueMissing(let name, let template, let line):
      return "\(template):\(line): no value named '\(name)'"
    case .templateNotFound(let name, let includedBy, let line):
      guard let includedBy, let line else { return "no template named '\(name)'" }
      return "\(includedBy):\(line): no template named '\(name)'"
    case .unreadableFile(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .unwritableOutput(let path, let reason):
      return "cannot write \(path): \(reason); the previous files were left as they were"
    }
  }
}
