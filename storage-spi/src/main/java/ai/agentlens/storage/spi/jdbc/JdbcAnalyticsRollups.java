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
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link AnalyticsRollups} over the {@code rollup_hourly} and {@code rollup_daily} tables that
 * {@link JdbcEventStore} writes; portable SQL, summed over the write shards. Per-agent totals read
 * whole UTC days from the daily table and the hours at the edges from the hourly one.
 */
public class JdbcAnalyticsRollups implements AnalyticsRollups {

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
    return tx.readOrg(
        orgId,
        List.of(),
        c -> {
          Map<Instant, RollupCounts> days = new TreeMap<>();
          RollupTable.DAILY
              .read(sql, c, orgId, start, end)
              .forEach((k, v) -> days.computeIfAbsent(k.bucket(), b -> new RollupCounts()).add(v));
          List<DailyTotals> out = new ArrayList<>(days.size());
          days.forEach(
              (day, r) ->
                  out.add(
                      new DailyTotals(
                          LocalDate.ofInstant(day, ZoneOffset.UTC),
                          r.events,
                          r.calls,
                          Math.round(r.inputTokens),
                          Math.round(r.outputTokens),
                          r.costUsd,
                          r.errors,
                          r.toolCalls)));
          return out;
        });
  }

  @Override
  public List<ActivityCell> activity(String orgId, Instant from, Instant to) {
    return tx.readOrg(
        orgId,
        List.of(),
        c -> {
          Map<String, long[]> cells = new TreeMap<>();
          for (Map.Entry<RollupKey, RollupCounts> row :
              sql.list(
                  c,
                  "select bucket, agent_id, sum(events) as events from rollup_hourly"
                      + " where org_id = ? and bucket >= ? and bucket < ?"
                      + " group by bucket, agent_id",
                  rs -> {
                    RollupCounts n = new RollupCounts();
                    n.events = rs.getLong("events");
                    return Map.entry(
                        new RollupKey(
                            sql.dialect().getInstant(rs, "bucket"),
                            rs.getString("agent_id"),
                            "",
                            ""),
                        n);
                  },
                  orgId,
                  from,
                  to)) {
            ZonedDateTime t = row.getKey().bucket().atZone(ZoneOffset.UTC);
            int dow = t.getDayOfWeek().getValue() % 7;
            // why: the key sorts as agent, day of week, hour (two digits keep numeric order)
            String key = row.getKey().agentId() + "\u0000" + dow + "\u0000" + two(t.getHour());
            cells.computeIfAbsent(key, k -> new long[1])[0] += row.getValue().events;
          }
          List<ActivityCell> out = new ArrayList<>(cells.size());
          cells.forEach(
              (k, n) -> {
                String[] p = k.split("\u0000");
                out.add(
                    new ActivityCell(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), n[0]));
              });
          return out;
        });
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
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
