import Foundation

@testable import InitDBVerify

/// Everything about a cluster's roles and privileges that init and re-apply decide, as
/// sorted text lines, so that two clusters or two moments compare with `==`.
///
/// It holds role attributes (not password values, only whether there is one),
/// memberships with their options and grantors, database owners and access lists, role
/// settings per database, and inside every database the owners and access lists of
/// schemas, tables and sequences, and the default privileges. Access lists are
/// exploded and sorted, and a NULL list is read as the default it stands for, so the
/// order in which grants were made does not matter.
enum CatalogSnapshot {
  /// Takes the snapshot as the superuser over TCP.
  ///
  /// - Returns: One line per fact, sorted.
  static func take(_ cluster: ScratchCluster) throws -> [String] {
    var lines = try rows(cluster, global, database: "postgres")
    let databases = try rows(
      cluster,
      "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate",
      database: "postgres"
    )

    for database in databases {
      lines += try rows(cluster, local, database: database).map { "\(database): \($0)" }
    }
    return lines.sorted()
  }

  private static func rows(_ cluster: ScratchCluster, _ sql: String, database: String)
    throws -> [String]
  {
    let result = try cluster.admin(sql, database: database)
    guard result.succeeded else {
      throw SnapshotError(message: "\(database): \(result.errorOutput)")
    }
    return result.output.split(separator: "\n").map(String.init)
  }

  struct SnapshotError: Error, CustomStringConvertible {
    let message: String
    var description: String { "catalog snapshot failed: \(message)" }
  }

  /// Facts of the shared catalogs.
  private static let global = """
    SELECT 'role ' || rolname || ' ' || concat_ws(',', rolcanlogin, rolsuper, rolinherit,
        rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolconnlimit,
        rolpassword IS NULL, rolvaliduntil)
      FROM pg_authid WHERE rolname !~ '^pg_'
    UNION ALL
    SELECT 'member ' || pg_get_userbyid(a.member) || ' in ' || pg_get_userbyid(a.roleid)
        || ' by ' || pg_get_userbyid(a.grantor) || ' '
        || (to_jsonb(a) - 'oid' - 'roleid' - 'member' - 'grantor')::text
      FROM pg_auth_members a WHERE pg_get_userbyid(a.roleid) !~ '^pg_'
    UNION ALL
    SELECT 'database ' || datname || ' owner ' || pg_get_userbyid(datdba)
      FROM pg_database
    UNION ALL
    SELECT 'database ' || d.datname || ' acl ' || pg_get_userbyid(x.grantee) || ' '
        || x.privilege_type || ' ' || x.is_grantable || ' by ' || pg_get_userbyid(x.grantor)
      FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) x
    UNION ALL
    SELECT 'setting ' || pg_get_userbyid(s.setrole) || ' in '
        || coalesce((SELECT datname FROM pg_database WHERE oid = s.setdatabase), '*')
        || ' ' || s.setconfig::text
      FROM pg_db_role_setting s
    """

  /// Facts of the current database.
  private static let local = """
    SELECT 'schema ' || n.nspname || ' owner ' || pg_get_userbyid(n.nspowner)
      FROM pg_namespace n WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
    UNION ALL
    SELECT 'schema ' || n.nspname || ' acl ' || pg_get_userbyid(x.grantee) || ' '
        || x.privilege_type || ' ' || x.is_grantable || ' by ' || pg_get_userbyid(x.grantor)
      FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) x
      WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
    UNION ALL
    SELECT 'relation ' || c.oid::regclass::text || ' ' || c.relkind::text || ' owner '
        || pg_get_userbyid(c.relowner)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'S', 'v', 'p')
        AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
    UNION ALL
    SELECT 'relation ' || c.oid::regclass::text || ' acl ' || pg_get_userbyid(x.grantee)
        || ' ' || x.privilege_type || ' ' || x.is_grantable || ' by '
        || pg_get_userbyid(x.grantor)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
        aclexplode(coalesce(c.relacl,
          acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) x
      WHERE c.relkind IN ('r', 'S', 'v', 'p')
        AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
    UNION ALL
    SELECT 'default ' || pg_get_userbyid(d.defaclrole) || ' '
        || coalesce(n.nspname, '*') || ' ' || d.defaclobjtype::text || ' '
        || pg_get_userbyid(x.grantee) || ' ' || x.privilege_type || ' ' || x.is_grantable
      FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace,
        aclexplode(d.defaclacl) x
    """
}
