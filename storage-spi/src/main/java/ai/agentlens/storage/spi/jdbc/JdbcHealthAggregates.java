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
    // why: two branches with the exact terms of V24's partial indexes, so each is an index range
    String agent = agentId == null ? "" : " and agent_id = ?";
    String q =
        "select agent_id, event_type as kind, count(*) as n from events where org_id = ?"
            + " and event_type in ('tool_call', 'tool_error') and ts >= ? and ts < ?"
            + agent
            + " group by agent_id, event_type"
            + " union all select agent_id, 'failed' as kind, count(*) as n from events"
            + " where org_id = ? and event_type = 'tool_response' and "
            + sql.dialect().jsonTrue("payload", "isError")
            + " and ts >= ? and ts < ?"
            + agent
            + " group by agent_id";
    List<Object> args = new ArrayList<>();
    for (int branch = 0; branch < 2; branch++) {
      args.addAll(List.of(orgId, from, to));
      if (agentId != null) {
        args.add(agentId);
      }
    }
    return tx.readOrg(
        orgId,
        Map.of(),
        c -> {
          Map<String, long[]> counts = new HashMap<>();
          for (String[] row :
              sql.list(
                  c,
                  q,
                  rs ->
                      new String[] {
                        rs.getString("agent_id"), rs.getString("kind"), rs.getString("n")
                      },
                  args.toArray())) {
            long[] k = counts.computeIfAbsent(row[0], a -> new long[3]);
            int slot = row[1].equals("tool_call") ? 0 : row[1].equals("tool_error") ? 1 : 2;
            k[slot] += Long.parseLong(row[2]);
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
