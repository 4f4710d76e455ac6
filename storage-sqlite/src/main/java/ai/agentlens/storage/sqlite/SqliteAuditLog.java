package ai.agentlens.storage.sqlite;

import ai.agentlens.storage.spi.jdbc.JdbcAuditLog;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The audit log on SQLite. Triggers refuse UPDATE and DELETE; anonymization inserts an {@code
 * audit_unlock} row inside its own transaction, which lets the update of actor, target and IP
 * through, and removes it before commit.
 */
final class SqliteAuditLog extends JdbcAuditLog {

  SqliteAuditLog(Transactor tx, Sql sql) {
    super(tx, sql);
  }

  @Override
  protected Map<String, Integer> anonymizeRows(Connection c, String userId) throws SQLException {
    Map<String, Integer> perOrg =
        countsPerOrg(
            c,
            "select org_id, count(*) from audit_log where actor_id = ? or target_id = ?"
                + " group by org_id",
            userId,
            userId);
    if (perOrg.isEmpty()) {
      return perOrg;
    }
    sql().update(c, "insert into audit_unlock (reason) values ('account deletion, FR-72')");
    sql()
        .update(
            c,
            "update audit_log set"
                + " actor_id = case when actor_id = ? then ? else actor_id end,"
                + " target_id = case when target_id = ? then ? else target_id end,"
                + " ip = null where actor_id = ? or target_id = ?",
            userId,
            ANONYMIZED,
            userId,
            ANONYMIZED,
            userId,
            userId);
    sql().update(c, "delete from audit_unlock");
    return perOrg;
  }
}
