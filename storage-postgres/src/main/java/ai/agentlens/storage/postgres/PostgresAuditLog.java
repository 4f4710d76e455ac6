package ai.agentlens.storage.postgres;

import ai.agentlens.storage.spi.jdbc.JdbcAuditLog;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The audit log on PostgreSQL. The application role has only SELECT and INSERT on it, and a trigger
 * refuses UPDATE, DELETE and TRUNCATE for everyone; anonymization is the owner's {@code
 * anonymize_audit_actor} function, the one path the trigger lets through.
 */
final class PostgresAuditLog extends JdbcAuditLog {

  PostgresAuditLog(Transactor tx, Sql sql) {
    super(tx, sql);
  }

  @Override
  protected Map<String, Integer> anonymizeRows(Connection c, String userId) throws SQLException {
    return countsPerOrg(c, "select org_id, n from anonymize_audit_actor(?)", userId);
  }
}
