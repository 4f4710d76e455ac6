package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.alerting.HealthAggregates;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link HealthAggregates} in grouped queries: sessions through the {@code (org_id, started_at)} /
 * {@code (org_id, agent_id, started_at)} indexes; tool events (an org's or one agent's) from the
 * roll-ups ({@code tool_calls}, {@code tool_errors}, {@code tool_failed}, written with the events)
 * for whole hours and days, and from the events only for the partial hours at the range's ends (one
 * agent's through {@code (org_id, agent_id, ts)}, with {@code isError} read from the JSON payload
 * in SQL).
 */
public class JdbcHealthAggregates implements HealthAggregates {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the reader.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcHealthAggregates(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public Map<String, SessionTotals> sessions(
      String orgId, String agentId, Instant from, Instant to) {
    String q =
        "select agent_id, count(*) as n,"
            + " sum(case when error_count > 0 then 1 else 0 end) as errored,"
            + " sum(case when status = 'completed' then 1 else 0 end) as completed,"
            + " sum(total_cost_usd) as cost,"
            + " sum(case when ended_at is not null then 1 else 0 end) as ended,"
            + " sum("
            + sql.dialect().millisBetween("started_at", "ended_at")
            + ") as duration"
            + " from sessions where org_id = ? and event_count > 0"
            + " and started_at >= ? and started_at < ?";
    return grouped(
        orgId,
        agentId,
        q,
        List.of(from, to),
        rs ->
            Map.entry(
                rs.getString("agent_id"),
                new SessionTotals(
                    rs.getLong("n"),
                    rs.getLong("errored"),
                    rs.getLong("completed"),
                    rs.getDouble("cost"),
                    rs.getLong("ended"),
                    rs.getDouble("duration"))));
  }

  // why: a range is counted from the roll-ups and its ragged ends (HourPlan): scoring one agent
  // over 30 days no longer reads a month of its events, nor an hour's when the range ends now
  @Override
  public Map<String, ToolTotals> tools(String orgId, String agentId, Instant from, Instant to) {
    // why: the present only prices the ragged ends; the counts are exact whatever it is
    HourPlan plan = HourPlan.of(from, to, Instant.now());
    return tx.readOrg(
        orgId,
        Map.of(),
        c -> {
          Map<String, long[]> counts = new HashMap<>();
          for (HourPlan.Rollup r : plan.rollups()) {
            fromRollups(c, counts, r.table(), orgId, agentId, r.from(), r.to());
          }
          for (HourPlan.Events e : plan.events()) {
            fromEvents(c, counts, orgId, agentId, e.from(), e.to(), e.sign());
          }
          Map<String, ToolTotals> out = new HashMap<>();
          counts.forEach(
              (a, k) -> {
                if (k[0] + k[1] + k[2] > 0) {
                  out.put(a, new ToolTotals(k[0], k[1], k[2]));
                }
              });
          return out;
        });
  }

  private void fromRollups(
      Connection c,
      Map<String, long[]> counts,
      String table,
      String orgId,
      String agentId,
      Instant from,
      Instant to)
      throws SQLException {
    if (!from.isBefore(to)) {
      return;
    }
    List<Object> args = new ArrayList<>(List.of(orgId, from, to));
    String agent = "";
    if (agentId != null) {
      agent = " and agent_id = ?";
      args.add(agentId);
    }
    sql.list(
        c,
        "select agent_id, sum(tool_calls) as calls, sum(tool_errors) as errors,"
            + " sum(tool_failed) as failed from "
            + table
            + " where org_id = ? and bucket >= ? and bucket < ? and provider = '' and model = ''"
            + agent
            + " group by agent_id",
        rs -> add(counts, rs.getString("agent_id"), 1, rs),
        args.toArray());
  }

  private void fromEvents(
      Connection c,
      Map<String, long[]> counts,
      String orgId,
      String agentId,
      Instant from,
      Instant to,
      int sign)
      throws SQLException {
    if (agentId != null) {
      // why: one agent's few events are found through (org_id, agent_id, ts); a statement without
      // the exact terms of V24's partial indexes keeps the planner on that index
      String q =
          "select agent_id,"
              + " sum(case when event_type = 'tool_call' then 1 else 0 end) as calls,"
              + " sum(case when event_type = 'tool_error' then 1 else 0 end) as errors,"
              + " sum(case when event_type = 'tool_response' and "
              + sql.dialect().jsonTrue("payload", "isError")
              + " then 1 else 0 end) as failed"
              + " from events where org_id = ? and agent_id = ?"
              + " and event_type in ('tool_call', 'tool_error', 'tool_response')"
              + " and ts >= ? and ts < ? group by agent_id";
      sql.list(
          c, q, rs -> add(counts, rs.getString("agent_id"), sign, rs), orgId, agentId, from, to);
      return;
    }
    // why: each branch repeats the exact terms of V24's partial indexes (calls and errors counted
    // from the index alone, failed responses by indexed expression)
    String q =
        "select agent_id, event_type as kind, count(*) as n from events where org_id = ?"
            + " and event_type in ('tool_call', 'tool_error') and ts >= ? and ts < ?"
            + " group by agent_id, event_type"
            + " union all select agent_id, 'failed' as kind, count(*) as n from events"
            + " where org_id = ? and event_type = 'tool_response' and "
            + sql.dialect().jsonTrue("payload", "isError")
            + " and ts >= ? and ts < ? group by agent_id";
    sql.list(
        c,
        q,
        rs -> {
          String kind = rs.getString("kind");
          long[] k = counts.computeIfAbsent(rs.getString("agent_id"), a -> new long[3]);
          k[kind.equals("tool_call") ? 0 : kind.equals("tool_error") ? 1 : 2] +=
              sign * rs.getLong("n");
          return k;
        },
        orgId,
        from,
        to,
        orgId,
        from,
        to);
  }

  // why: the columns calls, errors and failed, added to the agent's counters with a sign
  private static long[] add(Map<String, long[]> counts, String agentId, int sign, ResultSet rs)
      throws SQLException {
    long[] k = counts.computeIfAbsent(agentId, a -> new long[3]);
    k[0] += sign * rs.getLong("calls");
    k[1] += sign * rs.getLong("errors");
    k[2] += sign * rs.getLong("failed");
    return k;
  }

  private <T> Map<String, T> grouped(
      String orgId,
      String agentId,
      String select,
      List<Object> range,
      RowMapper<Map.Entry<String, T>> mapper) {
    List<Object> args = new ArrayList<>();
    args.add(orgId);
    args.addAll(range);
    StringBuilder q = new StringBuilder(select);
    if (agentId != null) {
      q.append(" and agent_id = ?");
      args.add(agentId);
    }
    q.append(" group by agent_id");
    return tx.readOrg(
        orgId,
        Map.of(),
        c -> {
          Map<String, T> out = new HashMap<>();
          for (Map.Entry<String, T> e : sql.list(c, q.toString(), mapper, args.toArray())) {
            out.put(e.getKey(), e.getValue());
          }
          return out;
        });
  }
}
