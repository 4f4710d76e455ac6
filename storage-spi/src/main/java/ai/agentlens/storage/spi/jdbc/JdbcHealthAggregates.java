package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.alerting.HealthAggregates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link HealthAggregates} as one grouped query per call: sessions through the {@code (org_id,
 * started_at)} / {@code (org_id, agent_id, started_at)} indexes, tool events through {@code
 * (org_id, event_type, ts)} / {@code (org_id, agent_id, ts)}; {@code isError} is read from the JSON
 * payload in SQL.
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

  @Override
  public Map<String, ToolTotals> tools(String orgId, String agentId, Instant from, Instant to) {
    return agentId == null ? orgTools(orgId, from, to) : agentTools(orgId, agentId, from, to);
  }

  // why: one agent's few events are found through (org_id, agent_id, ts); a statement without the
  // exact terms of V24's partial indexes keeps the planner on that index
  private Map<String, ToolTotals> agentTools(
      String orgId, String agentId, Instant from, Instant to) {
    String q =
        "select agent_id,"
            + " sum(case when event_type = 'tool_call' then 1 else 0 end) as calls,"
            + " sum(case when event_type = 'tool_error' then 1 else 0 end) as errors,"
            + " sum(case when event_type = 'tool_response' and "
            + sql.dialect().jsonTrue("payload", "isError")
            + " then 1 else 0 end) as failed"
            + " from events where org_id = ?"
            + " and event_type in ('tool_call', 'tool_error', 'tool_response')"
            + " and ts >= ? and ts < ?";
    return grouped(
        orgId,
        agentId,
        q,
        List.of(from, to),
        rs ->
            Map.entry(
                rs.getString("agent_id"),
                new ToolTotals(rs.getLong("calls"), rs.getLong("errors"), rs.getLong("failed"))));
  }

  // why: a whole org's window is read through V24's partial indexes, whose terms each branch
  // repeats exactly (calls and errors from the index alone, failed responses by indexed expression)
  private Map<String, ToolTotals> orgTools(String orgId, Instant from, Instant to) {
    String q =
        "select agent_id, event_type as kind, count(*) as n from events where org_id = ?"
            + " and event_type in ('tool_call', 'tool_error') and ts >= ? and ts < ?"
            + " group by agent_id, event_type"
            + " union all select agent_id, 'failed' as kind, count(*) as n from events"
            + " where org_id = ? and event_type = 'tool_response' and "
            + sql.dialect().jsonTrue("payload", "isError")
            + " and ts >= ? and ts < ? group by agent_id";
    return tx.readOrg(
        orgId,
        Map.of(),
        c -> {
          Map<String, long[]> counts = new HashMap<>();
          for (Map.Entry<String, Map.Entry<String, Long>> row :
              sql.list(
                  c,
                  q,
                  rs ->
                      Map.entry(
                          rs.getString("agent_id"),
                          Map.entry(rs.getString("kind"), rs.getLong("n"))),
                  orgId,
                  from,
                  to,
                  orgId,
                  from,
                  to)) {
            long[] k = counts.computeIfAbsent(row.getKey(), a -> new long[3]);
            String kind = row.getValue().getKey();
            k[kind.equals("tool_call") ? 0 : kind.equals("tool_error") ? 1 : 2] +=
                row.getValue().getValue();
          }
          Map<String, ToolTotals> out = new HashMap<>();
          counts.forEach((a, k) -> out.put(a, new ToolTotals(k[0], k[1], k[2])));
          return out;
        });
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
