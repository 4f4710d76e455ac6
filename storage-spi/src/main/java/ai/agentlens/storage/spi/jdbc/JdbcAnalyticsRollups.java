package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.analytics.ActivityCell;
import ai.agentlens.core.analytics.AgentTotals;
import ai.agentlens.core.analytics.DailyTotals;
import ai.agentlens.core.port.storage.AnalyticsRollups;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link AnalyticsRollups} over the {@code rollup_hourly} and {@code rollup_daily} tables that
 * {@link JdbcEventStore} writes; portable SQL, summed over the write shards. Every read groups in
 * the database down to the rows it returns (days, agents, or agent x day of week x hour), so the
 * JVM maps at most a few hundred rows per call whatever the event count. Per-agent totals read
 * whole UTC days from the daily table and the hours at the edges from the hourly one.
 */
public class JdbcAnalyticsRollups implements AnalyticsRollups {

  private static final Comparator<ActivityCell> CELL_ORDER =
      Comparator.comparing(ActivityCell::agentId)
          .thenComparingInt(ActivityCell::dow)
          .thenComparingInt(ActivityCell::hour);

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the reader.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcAnalyticsRollups(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public List<DailyTotals> daily(String orgId, LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      return List.of();
    }
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    // why: one row per day summed in SQL (over agents, models and shards) instead of every
    // (day, agent, provider, model) row folded in Java: 90 rows instead of thousands at 10M events
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select bucket, sum(events) as events, sum(llm_calls) as llm_calls,"
                    + " sum(input_tokens) as input_tokens, sum(output_tokens) as output_tokens,"
                    + " sum(cost_usd) as cost_usd, sum(errors) as errors,"
                    + " sum(tool_calls) as tool_calls from rollup_daily"
                    + " where org_id = ? and bucket >= ? and bucket < ?"
                    + " group by bucket order by bucket",
                rs ->
                    new DailyTotals(
                        LocalDate.ofInstant(sql.dialect().getInstant(rs, "bucket"), ZoneOffset.UTC),
                        rs.getLong("events"),
                        rs.getLong("llm_calls"),
                        Math.round(rs.getDouble("input_tokens")),
                        Math.round(rs.getDouble("output_tokens")),
                        rs.getDouble("cost_usd"),
                        rs.getLong("errors"),
                        rs.getLong("tool_calls")),
                orgId,
                start,
                end));
  }

  @Override
  public List<ActivityCell> activity(String orgId, Instant from, Instant to) {
    String hour = sql.dialect().epochBucket("bucket", 3600);
    // why: cells are summed in SQL by agent, day of week and hour (1970-01-01 was a Thursday,
    // day 4 counting from Sunday), so 30 days x 24 hours x agents rows become at most 168 per agent
    String inner =
        "select agent_id, ("
            + hour
            + " / 24 + 4) % 7 as dow, "
            + hour
            + " % 24 as hod, events"
            + " from rollup_hourly where org_id = ? and bucket >= ? and bucket < ?";
    List<ActivityCell> out =
        tx.readOrg(
            orgId,
            List.of(),
            c ->
                sql.list(
                    c,
                    "select agent_id, dow, hod, sum(events) as events from ("
                        + inner
                        + ") cells group by agent_id, dow, hod",
                    rs ->
                        new ActivityCell(
                            rs.getString("agent_id"),
                            rs.getInt("dow"),
                            rs.getInt("hod"),
                            rs.getLong("events")),
                    orgId,
                    from,
                    to));
    // why: sorted in Java, not by SQL order by, whose text collation differs between backends
    List<ActivityCell> sorted = new ArrayList<>(out);
    sorted.sort(CELL_ORDER);
    return sorted;
  }

  @Override
  public List<AgentTotals> agents(String orgId, Instant from, Instant to) {
    return tx.readOrg(
        orgId,
        List.of(),
        c -> {
          Map<String, RollupCounts> agents = new TreeMap<>();
          Instant dStart = ceilDay(from);
          Instant dEnd = to.truncatedTo(ChronoUnit.DAYS);
          if (dStart.isBefore(dEnd)) {
            sumAgents(c, agents, RollupTable.DAILY, orgId, dStart, dEnd);
            sumAgents(c, agents, RollupTable.HOURLY, orgId, from, dStart);
            sumAgents(c, agents, RollupTable.HOURLY, orgId, dEnd, to);
          } else {
            sumAgents(c, agents, RollupTable.HOURLY, orgId, from, to);
          }
          List<AgentTotals> out = new ArrayList<>(agents.size());
          agents.forEach(
              (id, r) ->
                  out.add(
                      new AgentTotals(
                          id,
                          r.events,
                          r.calls,
                          Math.round(r.inputTokens),
                          Math.round(r.outputTokens),
                          r.costUsd)));
          return out;
        });
  }

  private void sumAgents(
      Connection c,
      Map<String, RollupCounts> agents,
      RollupTable table,
      String orgId,
      Instant from,
      Instant to)
      throws SQLException {
    if (!from.isBefore(to)) {
      return;
    }
    sql.list(
        c,
        "select agent_id, sum(events) as events, sum(llm_calls) as llm_calls,"
            + " sum(input_tokens) as input_tokens, sum(output_tokens) as output_tokens,"
            + " sum(cost_usd) as cost_usd from "
            + table.table()
            + " where org_id = ? and bucket >= ? and bucket < ? group by agent_id",
        rs -> {
          RollupCounts r = new RollupCounts();
          r.events = rs.getLong("events");
          r.calls = rs.getLong("llm_calls");
          r.inputTokens = rs.getDouble("input_tokens");
          r.outputTokens = rs.getDouble("output_tokens");
          r.costUsd = rs.getDouble("cost_usd");
          agents.computeIfAbsent(rs.getString("agent_id"), k -> new RollupCounts()).add(r);
          return r;
        },
        orgId,
        from,
        to);
  }

  private static Instant ceilDay(Instant t) {
    Instant down = t.truncatedTo(ChronoUnit.DAYS);
    return down.equals(t) ? t : down.plus(1, ChronoUnit.DAYS);
  }
}
