/// A declarative PostgreSQL permission model: who exists, what they may do, where.
///
/// One model describes one cluster: its roles, the databases they own, and which role
/// may do what in each database. The renderer turns it into the files that the official
/// `postgres` image runs on first start; the administrator (the image's `POSTGRES_USER`)
/// is not part of the model.
public struct PermissionModel: Equatable, Sendable {
  /// A short lowercase name for the whole model, shown in generated file headers.
  public var name: String

  /// The roles the model creates, in any order; output is sorted by name.
  public var roles: [Role]

  /// The databases the model creates, in any order; output is sorted by name.
  public var databases: [Database]

  /// The services that log in, each with its env file; empty when the model does not
  /// say which service uses which role.
  public var services: [Service]

  /// Makes a model from its parts; call `validate()` before rendering it.
  public init(
    name: String,
    services: [Service] = [],
    roles: [Role],
    databases: [Database]
  ) {
    self.name = name
    self.services = services
    self.roles = roles
    self.databases = databases
  }

  /// The role with the given name, if the model declares it.
  public func role(named name: String) -> Role? {
    roles.first { $0.name == name }
  }

  /// Every role that `role` belongs to, directly or through other memberships.
  ///
  /// Assumes a validated model (no cycles, no undeclared roles).
  public func memberships(of role: String) -> Set<String> {
    var found: Set<String> = []
    var pending = self.role(named: role)?.memberOf ?? []

    while let next = pending.popLast() {
      guard found.insert(next).inserted else { continue }
      pending += self.role(named: next)?.memberOf ?? []
    }
    return found
  }

  /// The password variables of every login role, sorted.
  public var passwordVariables: [String] {
    roles.compactMap(\.passwordVariable).sorted()
  }

  /// The password variables that a service's env file carries, sorted.
  public func passwordVariables(of service: String) -> [String] {
    roles.filter { $0.service == service }.compactMap(\.passwordVariable).sorted()
  }
}
