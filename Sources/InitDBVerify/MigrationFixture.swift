import Foundation
import InitDBCore

/// A realistic migration, and the queries that services run against what it made.
///
/// `initdb-gen verify` applies `migration.sql` in every database as the role that
/// migrates it, then runs each query as every login role that may connect. Whether a
/// query should work follows from the access matrix: each query names the actions it
/// needs on the migrator's objects.
enum MigrationFixture {
  /// A query that a service runs, with the actions whose privileges it needs.
  struct Query {
    let name: String
    let statement: String
    let needs: [AccessAction]
  }

  /// The queries, in the order a service might run them.
  static let queries: [Query] = [
    Query(
      name: "insert a customer (serial key)",
      statement: "INSERT INTO customers (name) VALUES ('Lin')",
      needs: [.insertSerial]
    ),
    Query(
      name: "insert an order (identity key, enum)",
      statement: "INSERT INTO orders (customer_id, state, total) VALUES (1, 'paid', 5)",
      needs: [.insertIdentity]
    ),
    Query(
      name: "select orders joined through the view",
      statement: "SELECT customer, state, total FROM order_summaries ORDER BY id",
      needs: [.selectView]
    ),
    Query(
      name: "call a function",
      statement: "SELECT customer_total(1)",
      needs: [.select]
    ),
    Query(
      name: "update an order",
      statement: "UPDATE orders SET state = 'shipped' WHERE id = 1",
      needs: [.update]
    ),
    Query(
      name: "delete an order",
      statement: "DELETE FROM orders WHERE id = 2",
      needs: [.delete]
    ),
    Query(
      name: "insert into a second schema",
      statement: "INSERT INTO audit.events (detail) VALUES ('checked')",
      needs: [.insertSerial]
    ),
    Query(
      name: "select from a second schema",
      statement: "SELECT count(*) FROM audit.events",
      needs: [.select]
    ),
  ]

  /// The migration's SQL, bundled with the verifier.
  static func migration() throws -> String {
    guard let url = Bundle.module.url(forResource: "migration", withExtension: "sql") else {
      throw VerifyError.serverFailed(step: "find migration.sql", output: "not bundled")
    }
    return try String(contentsOf: url, encoding: .utf8)
  }
}
