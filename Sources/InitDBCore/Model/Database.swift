/// A database of the model, with its owner and who else may use it.
public struct Database: Equatable, Sendable {
  /// The database's name: lowercase letters, digits and underscores.
  public var name: String

  /// The role that owns the database, its schema `public` and the objects created in it.
  public var owner: String

  /// What the database holds, in a few words; generated comments quote it.
  public var summary: String

  /// The roles other than the owner that may connect, each with its access profile.
  public var grants: [DatabaseGrant]

  /// Makes a database.
  public init(name: String, owner: String, summary: String, grants: [DatabaseGrant] = []) {
    self.name = name
    self.owner = owner
    self.summary = summary
    self.grants = grants
  }

  /// The roles that may create, alter and drop objects: the owner and its migrators.
  public var ownerSide: [String] {
    [owner] + grants.filter { $0.profile == .migrator }.map(\.role).sorted()
  }
}

/// One role's access to one database.
public struct DatabaseGrant: Equatable, Sendable {
  /// The role that gets the access.
  public var role: String

  /// What the role may do.
  public var profile: AccessProfile

  /// Makes a grant.
  public init(_ role: String, _ profile: AccessProfile) {
    self.role = role
    self.profile = profile
  }
}
