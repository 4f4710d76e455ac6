package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.incident.model.HourStats;
import ai.agentlens.core.port.incident.HourlyAgentSeries;
import java.time.Instant;
import java.util.List;

/** {@link HourlyAgentSeries} over {@code rollup_hourly}, summed in SQL per agent and hour. */
public class JdbcHourlyAgentSeries implements HourlyAgentSeries {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the reader.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcHourlyAgentSeries(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public List<HourStats> hours(String orgId, Instant from, Instant to) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select agent_id, bucket, sum(events) as events, sum(errors) as errors,"
                    + " sum(cost_usd) as cost_usd, sum(latency_sum_ms) as latency_sum_ms,"
                    + " sum(latency_count) as latency_count from rollup_hourly"
                    + " where org_id = ? and bucket >= ? and bucket < ?"
                    + " group by agent_id, bucket order by agent_id, bucket",
                rs ->
                    new HourStats(
                        rs.getString("agent_id"),
                        sql.dialect().getInstant(rs, "bucket"),
                        rs.getLong("events"),
                        rs.getLong("errors"),
                        rs.getDouble("cost_usd"),
                        rs.getDouble("latency_sum_ms"),
                        rs.getLong("latency_count")),
                orgId,
                from,
                to));
  }
}
