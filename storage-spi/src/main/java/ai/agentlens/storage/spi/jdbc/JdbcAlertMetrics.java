package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.alert.AlertMeasurement;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.alerting.AlertMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AlertMetrics} as one aggregate query over {@code events}: counts, errors (severity error
 * or critical, or type {@code tool_error}), Σ {@code cost_tracked.costUsd}, mean {@code
 * tool_response.durationMs}; OTLP metric events excluded; the tag filter goes through the sessions'
 * JSON tag arrays.
 */
public class JdbcAlertMetrics implements AlertMetrics {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the measurer.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcAlertMetrics(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public AlertMeasurement measure(
      String orgId, String agentId, List<String> tags, Instant from, Instant to) {
    Dialect d = sql.dialect();
    StringBuilder q =
        new StringBuilder("select count(*) as n, sum(case when severity in ('error', 'critical')")
            .append(" or event_type = 'tool_error' then 1 else 0 end) as errors,")
            .append(" sum(case when event_type = 'cost_tracked' then coalesce(")
            .append(d.jsonNumber("payload", "costUsd"))
            .append(", 0) else 0 end) as cost,")
            .append(" avg(case when event_type = 'tool_response' then ")
            .append(d.jsonNumber("payload", "durationMs"))
            .append(" end) as latency from events where org_id = ? and ts >= ? and ts < ?")
            .append(" and coalesce(")
            .append(d.jsonString("metadata", "source"))
            .append(", '') <> ?");
    List<Object> args = new ArrayList<>(List.of(orgId == null ? "" : orgId, from, to));
    args.add(EventQueries.OTLP_METRIC);
    if (agentId != null) {
      q.append(" and agent_id = ?");
      args.add(agentId);
    }
    if (!tags.isEmpty()) {
      List<String> any = new ArrayList<>();
      for (String tag : tags) {
        any.add(d.containsParam("s.tags"));
        String element = Json.stringArray(List.of(tag));
        args.add(element.substring(1, element.length() - 1));
      }
      q.append(" and session_id in (select s.id from sessions s where s.org_id = ? and (")
          .append(String.join(" or ", any))
          .append("))");
      args.add(args.size() - tags.size(), orgId);
    }
    return tx.readOrg(
        orgId,
        new AlertMeasurement(0, 0, 0, null),
        c ->
            sql.one(
                    c,
                    q.toString(),
                    rs -> {
                      double latency = rs.getDouble("latency");
                      Double mean = rs.wasNull() ? null : latency;
                      return new AlertMeasurement(
                          rs.getLong("n"), rs.getLong("errors"), rs.getDouble("cost"), mean);
                    },
                    args.toArray())
                .orElseThrow());
  }
}
