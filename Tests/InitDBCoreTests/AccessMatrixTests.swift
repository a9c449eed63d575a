import Testing

@testable import InitDBCore

/// The expectations that verify and the self-test check, derived from the kivoll model
/// without a server.
@Suite struct AccessMatrixTests {
  private let matrix = AccessMatrix(model: .kivoll)

  private func database(_ name: String) throws -> Database {
    try #require(PermissionModel.kivoll.databases.first { $0.name == name })
  }

  @Test func migratorsActAsTheOwnerAndAppsAsThemselves() throws {
    let jobs = try database("jobs_db")

    #expect(matrix.sessionRole(of: "api_migrator", in: jobs) == "api_owner")
    #expect(matrix.sessionRole(of: "api_app", in: jobs) == "api_app")
    #expect(matrix.migrationRole(of: jobs) == "api_migrator")
    #expect(matrix.migrationRole(of: try database("scheduler_db")) == "scheduler")
  }

  @Test func connectFollowsGrantsAndMemberships() throws {
    #expect(matrix.mayConnect("api_app", to: try database("worker_db")))
    #expect(!matrix.mayConnect("worker_app", to: try database("predict_db")))
    #expect(matrix.mayConnect("scheduler", to: try database("scheduler_db")))
    #expect(!matrix.mayConnect("api_migrator", to: try database("worker_db")))
  }

  @Test func profilesAllowTheirActionsAndNothingElse() throws {
    let worker = try database("worker_db")
    let jobs = try database("jobs_db")

    func allows(_ action: AccessAction, _ role: String, _ database: Database) -> Bool {
      matrix.allows(action, role: role, in: database, objectOwner: database.owner)
    }

    // read-only
    #expect(allows(.select, "api_app", worker))
    #expect(!allows(.insertIdentity, "api_app", worker))
    // select-update: UPDATE … WHERE reads too, but no INSERT or DELETE
    #expect(allows(.update, "worker_app", jobs))
    #expect(!allows(.delete, "worker_app", jobs))
    #expect(!allows(.insertSerial, "worker_app", jobs))
    // read-write: rows, but never structure or TRUNCATE
    #expect(allows(.insertSerial, "api_app", jobs))
    #expect(!allows(.truncate, "api_app", jobs))
    #expect(!allows(.createSchema, "api_app", jobs))
    #expect(!allows(.drop, "api_app", jobs))
    // the owner side: everything, through membership in the owner
    for action in AccessAction.allCases {
      #expect(allows(action, "api_migrator", jobs))
      #expect(allows(action, "api_owner", jobs))
    }
  }

  @Test func aMigratorsOwnObjectsServeTheOwnerButNeedItsRoleToChange() throws {
    let jobs = try database("jobs_db")

    #expect(matrix.allows(.truncate, role: "api_owner", in: jobs, objectOwner: "api_migrator"))
    #expect(!matrix.allows(.drop, role: "api_owner", in: jobs, objectOwner: "api_migrator"))
    #expect(matrix.allows(.delete, role: "api_app", in: jobs, objectOwner: "api_migrator"))
  }

  @Test func objectsOfRolesOutsideTheOwnerSideGrantNothing() throws {
    let jobs = try database("jobs_db")

    #expect(!matrix.allows(.select, role: "api_app", in: jobs, objectOwner: "worker_app"))
  }
}
