package ai.agentlens.storage.sqlite;

import ai.agentlens.storage.spi.jdbc.JdbcRetentionPurge;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.time.Instant;
import java.util.List;

/**
 * The portable purge plus SQLite's space reclaim: the file runs in {@code auto_vacuum =
 * incremental} mode (set when it is opened), so {@code PRAGMA incremental_vacuum} gives the free
 * pages the purge left back to the file system and the file shrinks.
 */
final class SqliteRetentionPurge extends JdbcRetentionPurge {

  SqliteRetentionPurge(Transactor tx, Sql sql) {
    super(tx, sql, "select id from orgs order by id", List.of());
  }

  @Override
  protected int expireAudit(java.sql.Connection c, String orgId, Instant cutoff, int limit)
      throws java.sql.SQLException {
    // why: the delete trigger refuses while audit_expiry is empty; the row lives only inside this
    // transaction (the same unlock pattern anonymization uses)
    sql().update(c, "insert into audit_expiry (reason) values ('audit retention, PC-16')");
    int n =
        sql()
            .update(
                c,
                "delete from audit_log where id in (select id from audit_log where org_id = ?"
                    + " and occurred_at < ? order by occurred_at limit ?)",
                orgId,
                cutoff,
                limit);
    sql().update(c, "delete from audit_expiry");
    return n;
  }

  @Override
  public long reclaimSpace() {
    return tx().write(
            Scope.NONE,
            c -> {
              long before = freePages(c);
              // why: the pragma frees one page per step and the driver steps it once per execute
              long left = before;
              try (var s = c.createStatement()) {
                while (left > 0) {
                  s.execute("pragma incremental_vacuum");
                  long now = freePages(c);
                  if (now >= left) {
                    break;
                  }
                  left = now;
                }
              }
              return before - freePages(c);
            });
  }

  private long freePages(java.sql.Connection c) throws java.sql.SQLException {
    return sql().one(c, "pragma freelist_count", rs -> rs.getLong(1)).orElse(0L);
  }
}
