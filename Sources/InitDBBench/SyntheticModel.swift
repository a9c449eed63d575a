import InitDBCore

/// Permission models of any size, shaped like kivoll, for measuring the generator.
enum SyntheticModel {
  /// A model of `services` services, each with an owner, a migrator and an app role and
  /// one database: `services` databases and three times as many roles.
  ///
  /// Every database is owned by its service's owner; its migrator migrates it, its app
  /// reads and writes, and the apps of the next two services read it and select-update
  /// it, so each database file has three user sections as kivoll's busiest has.
  ///
  /// - Parameter services: The number of services, at least 1.
  /// - Returns: A model that validates.
  static func make(services: Int) -> PermissionModel {
    let names = (0..<services).map { "svc\(String($0 + 100_000).dropFirst())" }
    var roles: [Role] = []
    var databases: [Database] = []

    for (index, service) in names.enumerated() {
      let variable = service.uppercased()
      roles.append(Role(name: "\(service)_owner", summary: "owns \(service)'s objects"))
      roles.append(
        Role(
          name: "\(service)_migrator",
          summary: "runs \(service)'s schema migrations",
          passwordVariable: "\(variable)_MIGRATOR_PASSWORD",
          memberOf: ["\(service)_owner"]
        )
      )
      roles.append(
        Role(
          name: "\(service)_app",
          summary: "\(service) at run time",
          passwordVariable: "\(variable)_APP_PASSWORD"
        )
      )
      databases.append(database(of: service, neighbours: neighbours(of: index, in: names)))
    }
    return PermissionModel(name: "synthetic", roles: roles, databases: databases)
  }

  /// The services after `index`, wrapping around, that get access to its database.
  private static func neighbours(of index: Int, in names: [String]) -> [String] {
    [1, 2].map { names[(index + $0) % names.count] }.filter { $0 != names[index] }
  }

  private static func database(of service: String, neighbours: [String]) -> Database {
    var grants = [
      DatabaseGrant("\(service)_migrator", .migrator),
      DatabaseGrant("\(service)_app", .readWrite),
    ]
    let profiles: [AccessProfile] = [.readOnly, .selectUpdate]

    for (neighbour, profile) in Set(neighbours).sorted().enumerated().map({
      ($0.element, profiles[$0.offset])
    }) {
      grants.append(DatabaseGrant("\(neighbour)_app", profile))
    }
    return Database(
      name: "\(service)_db",
      owner: "\(service)_owner",
      summary: "the data of \(service)",
      grants: grants
    )
  }
}
