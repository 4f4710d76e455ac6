package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.plan.UsageRecord;
import ai.agentlens.core.port.storage.UsageLedger;
import java.time.Instant;
import java.util.List;

/** {@link UsageLedger} in portable SQL; rows are written by {@link JdbcEventStore}. */
public class JdbcUsageLedger implements UsageLedger {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the ledger.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcUsageLedger(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public List<UsageRecord> records(String orgId, Instant from, Instant to) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select org_id, hour, api_key_id, event_count from usage_records"
                    + " where org_id = ? and hour >= ? and hour < ? order by hour, api_key_id",
                rs ->
                    new UsageRecord(
                        rs.getString("org_id"),
                        sql.dialect().getInstant(rs, "hour"),
                        rs.getString("api_key_id"),
                        rs.getLong("event_count")),
                orgId,
                from,
                to));
  }

  @Override
  public long total(String orgId, Instant from, Instant to) {
    return tx.readOrg(
        orgId,
        0L,
        c ->
            sql.one(
                    c,
                    "select coalesce(sum(event_count), 0) from usage_records"
                        + " where org_id = ? and hour >= ? and hour < ?",
                    rs -> rs.getLong(1),
                    orgId,
                    from,
                    to)
                .orElse(0L));
  }
}
