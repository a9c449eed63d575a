import Foundation
import Testing

@testable import InitDBCore
@testable import InitDBVerify

/// Runs the committed `local/initdb` through the official image's first start on a real
/// PostgreSQL, then checks the result over TCP as each role, with its password.
@Suite(PostgresServer.trait)
struct FirstStartTests {
  private let initFolder = GoldenFiles.repositoryRoot.appendingPathComponent("local/initdb")

  /// Runs a first start and hands the running cluster to `body`.
  private func withInitialisedCluster(
    environment: [String: String] = KivollPasswords.plain,
    serverOptions: [String] = [],
    _ body: (ScratchCluster, ProcessResult) throws -> Void
  ) throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }

    let result = try cluster.runFirstStart(
      initFolder: initFolder,
      environment: environment,
      serverOptions: serverOptions
    )
    try cluster.startWithPasswords(serverOptions: serverOptions)
    try body(cluster, result)
  }

  private func query(_ cluster: ScratchCluster, _ sql: String, database: String = "postgres")
    throws -> String
  {
    let result = try cluster.admin(sql, database: database)
    #expect(result.succeeded, "\(sql): \(result.errorOutput)")
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func rolesHaveTheirAttributesAndMemberships() throws {
    try withInitialisedCluster { cluster, _ in
      let roles = try query(
        cluster,
        """
        SELECT rolname || ':' || rolcanlogin || ':' || rolsuper || ':' || rolcreatedb
          || ':' || rolcreaterole || ':' || rolinherit
        FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> 'postgres' ORDER BY rolname
        """
      )
      #expect(
        roles.split(separator: "\n") == [
          "api_app:true:false:false:false:true", "api_migrator:true:false:false:false:true",
          "api_owner:false:false:false:false:true", "predict_app:true:false:false:false:true",
          "predict_migrator:true:false:false:false:true",
          "predict_owner:false:false:false:false:true", "scheduler:true:false:false:false:true",
          "worker_app:true:false:false:false:true", "worker_migrator:true:false:false:false:true",
          "worker_owner:false:false:false:false:true",
        ]
      )

      let memberships = try query(
        cluster,
        """
        SELECT m.rolname || ' in ' || g.rolname FROM pg_auth_members a
        JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
        WHERE g.rolname !~ '^pg_' ORDER BY 1
        """
      )
      #expect(
        memberships.split(separator: "\n") == [
          "api_migrator in api_owner", "predict_migrator in predict_owner",
          "worker_migrator in worker_owner",
        ]
      )
    }
  }

  @Test func loginRolesAuthenticateOverTCPAndOwnersCannot() throws {
    try withInitialisedCluster { cluster, _ in
      let homes = [
        "api_app": "jobs_db", "api_migrator": "jobs_db", "predict_app": "predict_db",
        "predict_migrator": "predict_db", "scheduler": "scheduler_db",
        "worker_app": "worker_db", "worker_migrator": "worker_db",
      ]
      for (role, database) in homes {
        let variable = try #require(PermissionModel.kivoll.role(named: role)?.passwordVariable)
        let password = KivollPasswords.plain[variable]
        let good = try cluster.psql(
          user: role,
          password: password,
          database: database,
          sql: "SELECT current_user"
        )
        #expect(good.succeeded, "\(role) could not log in to \(database): \(good.errorOutput)")

        let wrong = try cluster.psql(
          user: role,
          password: "wrong",
          database: database,
          sql: "SELECT 1"
        )
        #expect(!wrong.succeeded, "\(role) logged in with a wrong password")
      }

      for owner in ["api_owner", "predict_owner", "worker_owner"] {
        let result = try cluster.psql(
          user: owner,
          password: "anything",
          database: "postgres",
          sql: "SELECT 1"
        )
        #expect(!result.succeeded, "NOLOGIN role \(owner) logged in")
      }
    }
  }

  @Test func onlyListedRolesMayConnect() throws {
    let model = PermissionModel.kivoll

    try withInitialisedCluster { cluster, _ in
      for role in model.roles where role.canLogin {
        let password = KivollPasswords.plain[role.passwordVariable!]
        let reachable = model.memberships(of: role.name).union([role.name])

        for database in model.databases {
          let listed = Set([database.owner] + database.grants.map(\.role))
          let expected = !listed.isDisjoint(with: reachable)
          let result = try cluster.psql(
            user: role.name,
            password: password,
            database: database.name,
            sql: "SELECT 1"
          )
          #expect(
            result.succeeded == expected,
            "\(role.name) connect \(database.name): expected \(expected ? "allowed" : "denied")"
          )
        }
      }
    }
  }

  @Test func databasesAndSchemasBelongToTheirOwnersWithoutPublicAccess() throws {
    try withInitialisedCluster { cluster, _ in
      let databases = try query(
        cluster,
        """
        SELECT datname || ':' || pg_get_userbyid(datdba) || ':'
          || (aclexplode(datacl)).grantee::text
        FROM pg_database WHERE datname LIKE '%\\_db' ORDER BY 1
        """
      )
      #expect(!databases.contains(":0"), "PUBLIC (grantee 0) still has a database privilege")

      for database in PermissionModel.kivoll.databases {
        let owner = try query(
          cluster,
          """
          SELECT pg_get_userbyid(nspowner) || ':'
            || has_schema_privilege('public', 'public', 'CREATE')
          FROM pg_namespace WHERE nspname = 'public'
          """,
          database: database.name
        )
        #expect(owner == "\(database.owner):false", "schema public in \(database.name)")
      }
    }
  }

  @Test func migratorTablesBelongToTheOwnerAndServeTheApps() throws {
    try withInitialisedCluster { cluster, _ in
      let migrate = try cluster.psql(
        user: "worker_migrator",
        password: KivollPasswords.plain["WORKER_MIGRATOR_PASSWORD"],
        database: "worker_db",
        sql: """
          CREATE TABLE jobs (id serial PRIMARY KEY, note text);
          CREATE TABLE events (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
          SELECT string_agg(tableowner, ',') FROM pg_tables WHERE schemaname = 'public';
          """
      )
      #expect(
        migrate.output.trimmingCharacters(in: .whitespacesAndNewlines)
          == "worker_owner,worker_owner",
        "\(migrate.errorOutput)"
      )

      let app = try cluster.psql(
        user: "worker_app",
        password: KivollPasswords.plain["WORKER_APP_PASSWORD"],
        database: "worker_db",
        sql: """
          INSERT INTO jobs (note) VALUES ('a');
          INSERT INTO events (note) VALUES ('b');
          UPDATE jobs SET note = 'c' WHERE id = 1;
          DELETE FROM events WHERE id = 1;
          SELECT count(*) FROM jobs;
          """
      )
      #expect(app.succeeded, "worker_app read-write in worker_db: \(app.errorOutput)")

      let reader = try cluster.psql(
        user: "api_app",
        password: KivollPasswords.plain["API_APP_PASSWORD"],
        database: "worker_db",
        sql: "SELECT count(*) FROM jobs;",
      )
      #expect(reader.output.hasPrefix("1"), "api_app read-only in worker_db: \(reader.errorOutput)")

      for forbidden in [
        "INSERT INTO jobs (note) VALUES ('x')", "TRUNCATE jobs", "CREATE TABLE x (id int)",
      ] {
        let result = try cluster.psql(
          user: "api_app",
          password: KivollPasswords.plain["API_APP_PASSWORD"],
          database: "worker_db",
          sql: forbidden
        )
        #expect(result.errorOutput.contains("permission denied"), "api_app: \(forbidden)")
      }
    }
  }

  @Test func missingPasswordsStopTheInitBeforeAnyChange() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }

    var environment = KivollPasswords.plain
    environment["API_APP_PASSWORD"] = nil
    environment["WORKER_MIGRATOR_PASSWORD"] = ""

    #expect {
      try cluster.runFirstStart(initFolder: initFolder, environment: environment)
    } throws: { error in
      guard case VerifyError.initFailed(let output) = error else { return false }
      return output.contains("API_APP_PASSWORD WORKER_MIGRATOR_PASSWORD")
        && output.contains("nothing was changed")
    }

    try cluster.startWithPasswords()
    let leftovers = try cluster.admin(
      """
      SELECT count(*) FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> 'postgres';
      SELECT count(*) FROM pg_database WHERE datname LIKE '%\\_db';
      """
    )
    #expect(leftovers.output == "0\n0\n")
  }

  @Test func sourcedShellFilesLeaveTheEntrypointShellAsItWas() throws {
    guard PostgresServer.available(), let binaries = PostgresServer.newest else { return }
    let cluster = try ScratchCluster(binaries: binaries)
    defer { cluster.remove() }
    let folder = try copyOfInitFolder(in: cluster.root)

    // Without the run bit the image sources the file; probes around it record the
    // entrypoint shell's options before and after.
    let probe = "echo \"options: $- $(shopt -po pipefail errtrace nounset | tr '\\n' ' ')\"\n"
    try write(probe, to: folder.appendingPathComponent("000-probe.sh"))
    try write(probe, to: folder.appendingPathComponent("099-probe.sh"))
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      try FileManager.default.setAttributes(
        [.posixPermissions: 0o644],
        ofItemAtPath: folder.appendingPathComponent(file).path
      )
    }

    let result = try cluster.runFirstStart(initFolder: folder, environment: KivollPasswords.plain)
    let options = result.output.split(separator: "\n").filter { $0.hasPrefix("options: ") }

    #expect(result.output.contains("sourcing \(folder.path)/010-roles.sh"))
    #expect(options.count == 2 && options[0] == options[1], "\(options)")
  }

  private func copyOfInitFolder(in root: URL) throws -> URL {
    let folder = root.appendingPathComponent("initdb")
    try FileManager.default.copyItem(at: initFolder, to: folder)
    return folder
  }

  private func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
  }
}
