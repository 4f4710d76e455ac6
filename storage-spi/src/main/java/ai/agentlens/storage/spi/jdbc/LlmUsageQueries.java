package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.analytics.LlmUsageQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM analytics aggregate: one grouped scan of an org's {@code llm_response} events in a time
 * range (the {@code (org_id, event_type, ts)} index), summed by provider, model and bucket inside
 * the database.
 */
final class LlmUsageQueries {

  private static final String UNKNOWN = "unknown";

  private final Sql sql;

  LlmUsageQueries(Sql sql) {
    this.sql = sql;
  }

  List<LlmUsage> usage(Connection c, String orgId, LlmUsageQuery q) throws SQLException {
    Dialect d = sql.dialect();
    long seconds = q.bucket().toSeconds();
    List<Object> args = new ArrayList<>(List.of("llm_response", orgId, q.from(), q.to()));
    String agent = "";
    if (q.agentId() != null) {
      agent = " and agent_id = ?";
      args.add(q.agentId());
    }
    String inner =
        "select "
            + d.jsonString("payload", "provider")
            + " as provider, "
            + d.jsonString("payload", "model")
            + " as model, "
            + d.epochBucket("ts", seconds)
            + " as bucket, "
            + d.jsonNumber("payload", "costUsd")
            + " as cost, "
            + d.jsonNumber("payload", "usage", "inputTokens")
            + " as tin, "
            + d.jsonNumber("payload", "usage", "outputTokens")
            + " as tout, "
            + d.jsonNumber("payload", "latencyMs")
            + " as latency"
            + " from events where event_type = ? and org_id = ? and ts >= ? and ts <= ?"
            + agent;
    String statement =
        "select provider, model, bucket, count(*) as calls, sum(cost) as cost,"
            + " sum(tin) as tin, sum(tout) as tout, sum(latency) as latency_sum,"
            + " count(latency) as latency_count from ("
            + inner
            + ") u group by provider, model, bucket";
    return sql.list(
        c,
        statement,
        rs ->
            new LlmUsage(
                orNull(rs.getString("provider")),
                orNull(rs.getString("model")),
                Instant.ofEpochSecond(rs.getLong("bucket") * seconds),
                rs.getLong("calls"),
                rs.getDouble("cost"),
                Math.round(rs.getDouble("tin")),
                Math.round(rs.getDouble("tout")),
                rs.getDouble("latency_sum"),
                rs.getLong("latency_count")),
        args.toArray());
  }

  private static String orNull(String s) {
    return s == null || s.isEmpty() ? UNKNOWN : s;
  }
}
