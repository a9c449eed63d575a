import Testing

@testable import InitDBCore

@Suite struct ModelValidationTests {
  /// A small valid model that each test breaks in one way.
  private let valid = PermissionModel(
    name: "shop",
    roles: [
      Role(name: "shop_owner", summary: "owns the shop"),
      Role(
        name: "shop_migrator",
        summary: "migrates",
        passwordVariable: "SHOP_MIGRATOR_PASSWORD",
        memberOf: ["shop_owner"]
      ),
      Role(name: "shop_app", summary: "serves", passwordVariable: "SHOP_APP_PASSWORD"),
    ],
    databases: [
      Database(
        name: "shop_db",
        owner: "shop_owner",
        summary: "orders",
        grants: [DatabaseGrant("shop_migrator", .migrator), DatabaseGrant("shop_app", .readWrite)]
      )
    ]
  )

  private func expectError(
    _ expected: InitDBError,
    _ change: (inout PermissionModel) -> Void
  ) {
    var model = valid
    change(&model)
    #expect(throws: expected) { try model.validate() }
  }

  @Test func acceptsValidModels() throws {
    try valid.validate()
    try PermissionModel.kivoll.validate()
  }

  @Test func rejectsUndeclaredRoles() {
    expectError(.undeclaredRole(name: "ghost", referencedBy: "database 'shop_db'")) {
      $0.databases[0].owner = "ghost"
    }
    expectError(.undeclaredRole(name: "ghost", referencedBy: "database 'shop_db'")) {
      $0.databases[0].grants.append(DatabaseGrant("ghost", .readOnly))
    }
    expectError(.undeclaredRole(name: "ghost", referencedBy: "role 'shop_app'")) {
      $0.roles[2].memberOf = ["ghost"]
    }
  }

  @Test func rejectsDuplicateNames() {
    expectError(.duplicateName(kind: "role", name: "shop_app")) {
      $0.roles.append(Role(name: "shop_app", summary: "again"))
    }
    expectError(.duplicateName(kind: "database", name: "shop_db")) {
      $0.databases.append(Database(name: "shop_db", owner: "shop_owner", summary: "again"))
    }
  }

  @Test(arguments: [
    ("", "a name cannot be empty"),
    (
      "Shop",
      "use lowercase letters a-z, digits and underscores, starting with a letter or underscore"
    ),
    (
      "1shop",
      "use lowercase letters a-z, digits and underscores, starting with a letter or underscore"
    ),
    (
      "shop-app",
      "use lowercase letters a-z, digits and underscores, starting with a letter or underscore"
    ),
    (
      "shöp",
      "use lowercase letters a-z, digits and underscores, starting with a letter or underscore"
    ),
    ("pg_shop", "the pg_ prefix is reserved for PostgreSQL's own roles and objects"),
    ("public", "PostgreSQL or the official image reserves this role name"),
    (String(repeating: "r", count: 64), "64 bytes is over PostgreSQL's limit of 63 bytes"),
  ])
  func rejectsInvalidRoleNames(name: String, reason: String) {
    expectError(.invalidName(kind: "role", name: name, reason: reason)) {
      $0.roles.append(Role(name: name, summary: "bad"))
    }
  }

  @Test func acceptsNamesOfExactlySixtyThreeBytes() throws {
    var model = valid
    model.roles.append(Role(name: String(repeating: "r", count: 63), summary: "long"))
    try model.validate()
  }

  @Test func rejectsInvalidDatabaseNames() {
    expectError(
      .invalidName(
        kind: "database",
        name: "template1",
        reason: "PostgreSQL creates this database itself"
      )
    ) {
      $0.databases[0].name = "template1"
    }
  }

  @Test(arguments: ["lower_case", "POSTGRES_PASSWORD", "PGPASSWORD", "SHOP_PASSWORD_FILE", "A-B"])
  func rejectsInvalidPasswordVariables(variable: String) {
    var model = valid
    model.roles[2].passwordVariable = variable
    #expect(throws: InitDBError.self) { try model.validate() }
  }

  @Test func rejectsMembershipCycles() {
    expectError(.membershipCycle(roles: ["shop_migrator", "shop_owner", "shop_migrator"])) {
      $0.roles[0].memberOf = ["shop_migrator"]
    }
    expectError(.membershipCycle(roles: ["shop_app", "shop_app"])) {
      $0.roles[2].memberOf = ["shop_app"]
    }
  }

  @Test func rejectsSharedPasswordVariables() {
    expectError(
      .sharedPasswordVariable(
        variable: "SHOP_APP_PASSWORD",
        roles: ["shop_app", "shop_migrator"]
      )
    ) {
      $0.roles[1].passwordVariable = "SHOP_APP_PASSWORD"
    }
  }

  @Test func rejectsConflictingGrants() {
    expectError(
      .conflictingAccess(
        database: "shop_db",
        role: "shop_app",
        reason: "listed more than once; give each role one access profile"
      )
    ) {
      $0.databases[0].grants.append(DatabaseGrant("shop_app", .readOnly))
    }
    expectError(
      .conflictingAccess(
        database: "shop_db",
        role: "shop_owner",
        reason: "the owner has every privilege already; remove its grant"
      )
    ) {
      $0.databases[0].grants.append(DatabaseGrant("shop_owner", .readOnly))
    }
  }

  @Test func rejectsMigratorsThatAreNotMembersOfTheOwner() {
    expectError(.migratorNotMember(role: "shop_app", database: "shop_db", owner: "shop_owner")) {
      $0.databases[0].grants[1] = DatabaseGrant("shop_app", .migrator)
    }
  }

  @Test func acceptsMigratorsThatAreIndirectMembers() throws {
    var model = valid
    model.roles.append(Role(name: "shop_group", summary: "group", memberOf: ["shop_owner"]))
    model.roles[1].memberOf = ["shop_group"]
    try model.validate()
  }

  @Test func errorMessagesNameTheProblem() {
    let error = InitDBError.undeclaredRole(name: "ghost", referencedBy: "database 'shop_db'")
    #expect(error.description == "role 'ghost' is not declared (referenced by database 'shop_db')")
  }

  @Test func servicesMustBeDeclaredAndCoverEveryLoginRole() {
    expectError(.undeclaredService(name: "shop", role: "shop_app")) {
      $0.roles[2].service = "shop"
    }
    expectError(.missingService(role: "shop_migrator")) {
      $0.services = [Service(name: "shop", summary: "the shop")]
      $0.roles[2].service = "shop"
    }
    expectError(.serviceWithoutLogin(role: "shop_owner")) {
      $0.services = [Service(name: "shop", summary: "the shop")]
      $0.roles[0].service = "shop"
    }
    expectError(.duplicateName(kind: "service", name: "shop")) {
      $0.services = [Service(name: "shop", summary: "a"), Service(name: "shop", summary: "b")]
    }
    expectError(
      .invalidName(
        kind: "service",
        name: "admin",
        reason: "the env file of the image's administrator is .env.admin"
      )
    ) {
      $0.services = [Service(name: "admin", summary: "the administrator")]
    }
  }
}
