extension PermissionModel {
  /// Checks that the model can be rendered into files that do what it says.
  ///
  /// Checks, in this order: every name is valid, no name is declared twice, every role
  /// that is referenced is declared, memberships have no cycle, no two login roles share
  /// a password variable, and every database's grants are consistent with its owner.
  ///
  /// - Throws: The first `InitDBError` found.
  public func validate() throws {
    try validateNames()
    try validateUniqueness()
    try validateReferences()
    try validateMembershipsHaveNoCycle()
    try validatePasswordVariables()
    try validateServices()

    let groups = groupsByRole
    for database in databases {
      try validateGrants(of: database, groups: groups)
    }
  }

  /// The roles each role is a direct member of, by role name: looked up once per
  /// membership and grant, which a linear search would make quadratic in large models.
  private var groupsByRole: [String: [String]] {
    Dictionary(roles.map { ($0.name, $0.memberOf) }, uniquingKeysWith: { first, _ in first })
  }

  private func validateNames() throws {
    try NameRules.check(name, kind: "model")

    for role in roles {
      try NameRules.check(role.name, kind: "role")
      if let variable = role.passwordVariable {
        try NameRules.checkVariable(variable)
      }
    }
    for database in databases {
      try NameRules.check(database.name, kind: "database")
    }
    for service in services {
      try NameRules.check(service.name, kind: "service")
    }
  }

  private func validateUniqueness() throws {
    if let name = firstDuplicate(roles.map(\.name)) {
      throw InitDBError.duplicateName(kind: "role", name: name)
    }
    if let name = firstDuplicate(databases.map(\.name)) {
      throw InitDBError.duplicateName(kind: "database", name: name)
    }
    if let name = firstDuplicate(services.map(\.name)) {
      throw InitDBError.duplicateName(kind: "service", name: name)
    }
  }

  private func validateReferences() throws {
    let declared = Set(roles.map(\.name))

    for role in roles {
      for group in role.memberOf where !declared.contains(group) {
        throw InitDBError.undeclaredRole(name: group, referencedBy: "role '\(role.name)'")
      }
    }
    for database in databases {
      let referenced = [database.owner] + database.grants.map(\.role)
      for name in referenced where !declared.contains(name) {
        throw InitDBError.undeclaredRole(name: name, referencedBy: "database '\(database.name)'")
      }
    }
  }

  /// Follows memberships depth first; meeting a role already on the path is a cycle.
  private func validateMembershipsHaveNoCycle() throws {
    let groups = groupsByRole
    var finished: Set<String> = []

    func visit(_ name: String, path: [String]) throws {
      if let start = path.firstIndex(of: name) {
        throw InitDBError.membershipCycle(roles: Array(path[start...]) + [name])
      }
      guard !finished.contains(name) else { return }

      for group in groups[name] ?? [] {
        try visit(group, path: path + [name])
      }
      finished.insert(name)
    }

    for role in roles.sorted(by: { $0.name < $1.name }) {
      try visit(role.name, path: [])
    }
  }

  private func validatePasswordVariables() throws {
    let byVariable = Dictionary(grouping: roles.filter(\.canLogin)) { $0.passwordVariable! }

    for (variable, sharing) in byVariable.sorted(by: { $0.key < $1.key }) where sharing.count > 1 {
      throw InitDBError.sharedPasswordVariable(
        variable: variable,
        roles: sharing.map(\.name).sorted()
      )
    }
  }

  /// Once a model names services, each password must reach the `db` container through
  /// one of their env files, or init would stop for want of it.
  private func validateServices() throws {
    let declared = Set(services.map(\.name))

    for role in roles {
      if let service = role.service, !declared.contains(service) {
        throw InitDBError.undeclaredService(name: service, role: role.name)
      }
      if role.service != nil, !role.canLogin {
        throw InitDBError.serviceWithoutLogin(role: role.name)
      }
      if !services.isEmpty, role.canLogin, role.service == nil {
        throw InitDBError.missingService(role: role.name)
      }
    }
  }

  private func validateGrants(of database: Database, groups: [String: [String]]) throws {
    if let name = firstDuplicate(database.grants.map(\.role)) {
      throw InitDBError.conflictingAccess(
        database: database.name,
        role: name,
        reason: "listed more than once; give each role one access profile"
      )
    }

    for grant in database.grants {
      if grant.role == database.owner {
        throw InitDBError.conflictingAccess(
          database: database.name,
          role: grant.role,
          reason: "the owner has every privilege already; remove its grant"
        )
      }
      if grant.profile == .migrator,
        !isMember(grant.role, of: database.owner, groups: groups)
      {
        throw InitDBError.migratorNotMember(
          role: grant.role,
          database: database.name,
          owner: database.owner
        )
      }
    }
  }

  /// Whether `role` belongs to `group`, directly or through other roles.
  private func isMember(_ role: String, of group: String, groups: [String: [String]]) -> Bool {
    var found: Set<String> = []
    var pending = groups[role] ?? []

    while let next = pending.popLast() {
      if next == group { return true }
      guard found.insert(next).inserted else { continue }
      pending += groups[next] ?? []
    }
    return false
  }

  private func firstDuplicate(_ names: [String]) -> String? {
    var seen: Set<String> = []
    return names.first { !seen.insert($0).inserted }
  }
}
