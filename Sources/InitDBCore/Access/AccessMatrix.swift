/// What every role may do in every database, derived from a permission model alone.
///
/// The matrix follows PostgreSQL's rules over the grants that the generated files make,
/// so that checking it on a real server proves those files right:
/// - a role acts with its own privileges and those of every role it belongs to;
/// - a migrator's sessions in its database start as the owner
///   (`ALTER ROLE … IN DATABASE … SET role`);
/// - the owner of an object may do anything with it, and so may its members;
/// - objects that the owner side creates carry each profile's privileges (default
///   privileges), and a migrator's own objects also give the owner every privilege;
/// - creating in schema `public` or a new schema needs the database owner's rights.
public struct AccessMatrix: Sendable {
  /// The model the expectations come from.
  public let model: PermissionModel

  /// Makes the matrix of a validated model.
  public init(model: PermissionModel) {
    self.model = model
  }

  /// The role itself and every role it belongs to, directly or not.
  public func effectiveRoles(of role: String) -> Set<String> {
    model.memberships(of: role).union([role])
  }

  /// The login roles of the model, sorted by name.
  public var loginRoles: [Role] {
    model.roles.filter(\.canLogin).sorted { $0.name < $1.name }
  }

  /// The databases of the model, sorted by name.
  public var databases: [Database] {
    model.databases.sorted { $0.name < $1.name }
  }

  /// Whether a role may connect: it, or a role it belongs to, owns the database or
  /// is listed in its grants.
  public func mayConnect(_ role: String, to database: Database) -> Bool {
    let listed = Set([database.owner] + database.grants.map(\.role))
    return !listed.isDisjoint(with: effectiveRoles(of: role))
  }

  /// The role that a login role's sessions in a database start as: the owner for a
  /// migrator, the role itself otherwise.
  public func sessionRole(of role: String, in database: Database) -> String {
    let migrates = database.grants.contains { $0.role == role && $0.profile == .migrator }
    return migrates ? database.owner : role
  }

  /// The roles that create objects in a database: the owner, and each migrator acting
  /// as itself after `SET ROLE`.
  public func creators(in database: Database) -> [String] {
    database.ownerSide
  }

  /// The login role that applies migrations to a database: its first migrator, or the
  /// owner when it can log in; `nil` when nobody can.
  public func migrationRole(of database: Database) -> String? {
    let migrators = database.grants.filter { $0.profile == .migrator }.map(\.role).sorted()
    if let first = migrators.first {
      return first
    }
    return model.role(named: database.owner)?.canLogin == true ? database.owner : nil
  }

  /// Whether a role, acting as itself, may do an action in a database.
  ///
  /// - Parameters:
  ///   - action: What it tries.
  ///   - role: The role it acts as (after any `SET ROLE`).
  ///   - database: Where.
  ///   - objectOwner: Who owns the objects that table actions use; ignored for actions
  ///     that create new objects.
  /// - Returns: Whether PostgreSQL should allow it.
  public func allows(
    _ action: AccessAction,
    role: String,
    in database: Database,
    objectOwner: String
  ) -> Bool {
    let acting = effectiveRoles(of: role)

    guard action.actsOnExistingObjects else {
      return acting.contains(database.owner)
    }
    if acting.contains(objectOwner) {
      return true
    }
    guard !action.needsOwnership else { return false }

    let tables = acting.reduce(into: Set<String>()) {
      $0.formUnion(tablePrivileges(of: $1, onObjectsOf: objectOwner, in: database))
    }
    let sequences = acting.reduce(into: Set<String>()) {
      $0.formUnion(sequencePrivileges(of: $1, onObjectsOf: objectOwner, in: database))
    }
    return action.tablePrivileges.isSubset(of: tables)
      && (!action.needsSequenceUsage || sequences.contains("USAGE"))
  }

  /// The privileges a grantee gets on the tables that `creator` makes, through the
  /// default privileges of the generated files.
  public func tablePrivileges(
    of grantee: String,
    onObjectsOf creator: String,
    in database: Database
  ) -> Set<String> {
    privileges(
      of: grantee,
      onObjectsOf: creator,
      in: database,
      all: Self.allTablePrivileges,
      profile: \.tablePrivileges
    )
  }

  /// The privileges a grantee gets on the sequences that `creator` makes.
  public func sequencePrivileges(
    of grantee: String,
    onObjectsOf creator: String,
    in database: Database
  ) -> Set<String> {
    privileges(
      of: grantee,
      onObjectsOf: creator,
      in: database,
      all: Self.allSequencePrivileges,
      profile: \.sequencePrivileges
    )
  }

  /// The owner gets `all` on what a migrator makes as itself; every other grantee
  /// gets what its profile gives on what the owner side makes.
  private func privileges(
    of grantee: String,
    onObjectsOf creator: String,
    in database: Database,
    all: Set<String>,
    profile privileges: KeyPath<AccessProfile, [String]>
  ) -> Set<String> {
    guard database.ownerSide.contains(creator) else { return [] }

    if creator != database.owner, grantee == database.owner {
      return all
    }
    let profile = database.grants.first { $0.role == grantee }?.profile
    return Set(profile?[keyPath: privileges] ?? [])
  }

  /// What `GRANT ALL ON TABLES` gives, as far as the matrix checks it.
  static let allTablePrivileges: Set<String> = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE"]

  /// What `GRANT ALL ON SEQUENCES` gives.
  static let allSequencePrivileges: Set<String> = ["USAGE", "SELECT", "UPDATE"]
}
