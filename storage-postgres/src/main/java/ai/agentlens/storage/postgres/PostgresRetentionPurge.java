package ai.agentlens.storage.postgres;

import ai.agentlens.storage.spi.jdbc.JdbcRetentionPurge;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.time.Instant;
import java.util.List;

/**
 * The portable purge plus PostgreSQL's partition drop (through the owner's {@code
 * drop_event_partitions_before}); space is reclaimed by autovacuum and by dropping partitions.
 */
final class PostgresRetentionPurge extends JdbcRetentionPurge {

  private final PostgresPartitions partitions;

  PostgresRetentionPurge(Transactor tx, Sql sql, PostgresPartitions partitions) {
    // why: event_keys holds one idempotency row per event (unique keys cannot span partitions)
    super(tx, sql, "select id from rollup_org_ids() as t(id)", List.of("event_keys"));
    this.partitions = partitions;
  }

  @Override
  protected void deleteSide(java.sql.Connection c, String table, String orgId, List<String> ids)
      throws java.sql.SQLException {
    // why: with "id in (…)" the planner, its statistics stale after a bulk load, used the key index
    // for org_id alone and filtered every key of the org (19 s per batch of 1,000 at 1M); joined to
    // the array, each id is one index lookup
    java.sql.Array array = c.createArrayOf("text", ids.toArray());
    try (java.sql.PreparedStatement ps =
        c.prepareStatement(
            "delete from "
                + table
                + " k using unnest(cast(? as text[])) as d(id) where k.org_id = ? and k.id = d.id")) {
      ps.setArray(1, array);
      ps.setString(2, orgId);
      ps.executeUpdate();
    } finally {
      array.free();
    }
  }

  @Override
  protected int expireAudit(java.sql.Connection c, String orgId, Instant cutoff, int limit)
      throws java.sql.SQLException {
    // why: the app role may not delete audit entries; the owner's function may, past 90 days only
    return sql()
        .one(c, "select expire_audit_entries(?, ?, ?)", rs -> rs.getInt(1), orgId, cutoff, limit)
        .orElse(0);
  }

  @Override
  public int dropPartitionsBefore(Instant cutoff) {
    int dropped =
        tx().write(
                Scope.NONE,
                c ->
                    sql()
                        .one(
                            c, "select drop_event_partitions_before(?)", rs -> rs.getInt(1), cutoff)
                        .orElse(0));
    if (dropped > 0) {
      // why: a late event of a dropped month must recreate its partition, not hit the cache
      partitions.forget();
    }
    return dropped;
  }
}
