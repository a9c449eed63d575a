import Testing

@testable import InitDBCore

/// Small models whose rendered output is locked by golden files under `Fixtures/`.
///
/// Each shows one shape of model that kivoll does not: a lone database, an owner that
/// logs in, a chain of memberships.
enum FixtureModels {
  struct Fixture: CustomTestStringConvertible, Sendable {
    let name: String
    let model: PermissionModel

    var source: ModelSource {
      ModelSource(
        description: "the \(name) fixture in Tests/InitDBCoreTests/FixtureModels.swift",
        regenerateCommand: "INITDB_GEN_RECORD=1 swift test"
      )
    }

    var testDescription: String { name }
  }

  static let all: [Fixture] = [minimal, selfOwned, layered]

  /// One NOLOGIN owner, one database, no other access.
  static let minimal = Fixture(
    name: "minimal",
    model: PermissionModel(
      name: "minimal",
      roles: [Role(name: "app_owner", summary: "owns everything")],
      databases: [Database(name: "app_db", owner: "app_owner", summary: "the only database")]
    )
  )

  /// A login role that owns its database and is its only user.
  static let selfOwned = Fixture(
    name: "self-owned",
    model: PermissionModel(
      name: "self_owned",
      roles: [
        Role(name: "reporter", summary: "writes reports", passwordVariable: "REPORTER_PASSWORD"),
        Role(name: "auditor", summary: "reads reports", passwordVariable: "AUDITOR_PASSWORD"),
      ],
      databases: [
        Database(
          name: "reports_db",
          owner: "reporter",
          summary: "reports",
          grants: [DatabaseGrant("auditor", .readOnly)]
        )
      ]
    )
  )

  /// A migrator that reaches the owner through a group, and every profile at once.
  static let layered = Fixture(
    name: "layered",
    model: PermissionModel(
      name: "layered",
      roles: [
        Role(name: "shop_owner", summary: "owns the shop"),
        Role(name: "deployers", summary: "may act as the owner", memberOf: ["shop_owner"]),
        Role(
          name: "shop_migrator",
          summary: "runs migrations",
          passwordVariable: "SHOP_MIGRATOR_PASSWORD",
          memberOf: ["deployers"]
        ),
        Role(name: "shop_app", summary: "serves the shop", passwordVariable: "SHOP_APP_PASSWORD"),
        Role(name: "shop_bi", summary: "reads for reports", passwordVariable: "SHOP_BI_PASSWORD"),
        Role(name: "courier", summary: "marks deliveries", passwordVariable: "COURIER_PASSWORD"),
      ],
      databases: [
        Database(
          name: "orders_db",
          owner: "shop_owner",
          summary: "orders",
          grants: [
            DatabaseGrant("shop_migrator", .migrator),
            DatabaseGrant("shop_app", .readWrite),
            DatabaseGrant("shop_bi", .readOnly),
            DatabaseGrant("courier", .selectUpdate),
          ]
        ),
        Database(
          name: "catalog_db",
          owner: "shop_owner",
          summary: "products",
          grants: [DatabaseGrant("shop_migrator", .migrator), DatabaseGrant("shop_bi", .readOnly)]
        ),
      ]
    )
  )
}
