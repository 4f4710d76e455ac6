package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Event;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One roll-up table ({@code rollup_hourly} or {@code rollup_daily}): how events fold into its rows,
 * the additive multi-row upsert the event writer runs, and the shard-summed read of its rows. Both
 * tables have the key {@code (org_id, bucket, agent_id, provider, model, shard)}.
 */
enum RollupTable {
  HOURLY("rollup_hourly", ChronoUnit.HOURS),
  DAILY("rollup_daily", ChronoUnit.DAYS);

  /** The counter columns, in {@link #bind} order. */
  static final String COUNTERS =
      "events, llm_calls, input_tokens, output_tokens, cost_usd, latency_sum_ms, latency_count,"
          + " errors, tool_calls, sessions_started, sessions_ended, tool_errors, tool_failed";

  private static final int ROWS_PER_STATEMENT = 200;

  private static final int COLUMNS = 6 + COUNTERS.split(",").length;

  private static final String ROW = "(" + String.join(",", Collections.nCopies(COLUMNS, "?")) + ")";

  private final String name;
  private final ChronoUnit unit;

  RollupTable(String name, ChronoUnit unit) {
    this.name = name;
    this.unit = unit;
  }

  /**
   * Returns the table name.
   *
   * @return the SQL name
   */
  String table() {
    return name;
  }

  /**
   * Returns the bucket an instant falls in.
   *
   * @param t the instant
   * @return start of its UTC hour or day
   */
  Instant bucket(Instant t) {
    return t.truncatedTo(unit);
  }

  /**
   * Folds events into this table's rows, sorted by key.
   *
   * @param events stored events of one org
   * @return counters per key
   */
  TreeMap<RollupKey, RollupCounts> fold(List<Event> events) {
    TreeMap<RollupKey, RollupCounts> rows = new TreeMap<>();
    for (Event e : events) {
      RollupKey k =
          new RollupKey(
              bucket(e.timestamp()), e.agentId(), RollupCounts.provider(e), RollupCounts.model(e));
      rows.computeIfAbsent(k, x -> new RollupCounts()).add(e);
    }
    return rows;
  }

  /**
   * Adds folded rows to the table with multi-row {@code insert … on conflict do update set x = x +
   * excluded.x}, in key order.
   *
   * @param sql SQL helper
   * @param c the connection, in the org's transaction
   * @param orgId the org
   * @param shard the writer's shard
   * @param rows the rows, sorted by key
   * @throws SQLException from the driver
   */
  void upsert(Sql sql, Connection c, String orgId, int shard, Map<RollupKey, RollupCounts> rows)
      throws SQLException {
    List<Map.Entry<RollupKey, RollupCounts>> all = new ArrayList<>(rows.entrySet());
    for (List<Map.Entry<RollupKey, RollupCounts>> chunk : Chunks.of(all, ROWS_PER_STATEMENT)) {
      StringBuilder s =
          new StringBuilder("insert into ")
              .append(name)
              .append(" (org_id, bucket, agent_id, provider, model, shard, ")
              .append(COUNTERS)
              .append(") values ");
      List<Object> args = new ArrayList<>(chunk.size() * COLUMNS);
      for (int i = 0; i < chunk.size(); i++) {
        s.append(i == 0 ? "" : ",").append(ROW);
        RollupKey k = chunk.get(i).getKey();
        args.addAll(List.of(orgId, k.bucket(), k.agentId(), k.provider(), k.model(), shard));
        bind(args, chunk.get(i).getValue());
      }
      s.append(" on conflict (org_id, bucket, agent_id, provider, model, shard) do update set ");
      String[] cols = COUNTERS.split(",\\s*");
      for (int i = 0; i < cols.length; i++) {
        s.append(i == 0 ? "" : ", ")
            .append(cols[i])
            .append(" = ")
            .append(name)
            .append('.')
            .append(cols[i])
            .append(" + excluded.")
            .append(cols[i]);
      }
      sql.update(c, s.toString(), args.toArray());
    }
  }

  private static void bind(List<Object> args, RollupCounts r) {
    args.add(r.events);
    args.add(r.calls);
    args.add(r.inputTokens);
    args.add(r.outputTokens);
    args.add(r.costUsd);
    args.add(r.latencySumMs);
    args.add(r.latencyCount);
    args.add(r.errors);
    args.add(r.toolCalls);
    args.add(r.sessionsStarted);
    args.add(r.sessionsEnded);
    args.add(r.toolErrors);
    args.add(r.toolFailed);
  }

  /**
   * Reads the org's rows with {@code from <= bucket < to}, summed over shards, sorted by key.
   *
   * @param sql SQL helper
   * @param c the connection, in the org's scope
   * @param orgId the org
   * @param from inclusive start
   * @param to exclusive end
   * @return counters per key
   * @throws SQLException from the driver
   */
  TreeMap<RollupKey, RollupCounts> read(
      Sql sql, Connection c, String orgId, Instant from, Instant to) throws SQLException {
    StringBuilder sums = new StringBuilder();
    for (String col : COUNTERS.split(",\\s*")) {
      sums.append(", sum(").append(col).append(") as ").append(col);
    }
    TreeMap<RollupKey, RollupCounts> rows = new TreeMap<>();
    for (Object[] row :
        sql.list(
            c,
            "select bucket, agent_id, provider, model"
                + sums
                + " from "
                + name
                + " where org_id = ? and bucket >= ? and bucket < ?"
                + " group by bucket, agent_id, provider, model",
            rs ->
                new Object[] {
                  new RollupKey(
                      sql.dialect().getInstant(rs, "bucket"),
                      rs.getString("agent_id"),
                      rs.getString("provider"),
                      rs.getString("model")),
                  counts(rs)
                },
            orgId,
            from,
            to)) {
      rows.put((RollupKey) row[0], (RollupCounts) row[1]);
    }
    return rows;
  }

  /**
   * Reads the counter columns of a row.
   *
   * @param rs the row
   * @return the counters
   * @throws SQLException from the driver
   */
  static RollupCounts counts(ResultSet rs) throws SQLException {
    RollupCounts r = new RollupCounts();
    r.events = rs.getLong("events");
    r.calls = rs.getLong("llm_calls");
    r.inputTokens = rs.getDouble("input_tokens");
    r.outputTokens = rs.getDouble("output_tokens");
    r.costUsd = rs.getDouble("cost_usd");
    r.latencySumMs = rs.getDouble("latency_sum_ms");
    r.latencyCount = rs.getLong("latency_count");
    r.errors = rs.getLong("errors");
    r.toolCalls = rs.getLong("tool_calls");
    r.sessionsStarted = rs.getLong("sessions_started");
    r.sessionsEnded = rs.getLong("sessions_ended");
    r.toolErrors = rs.getLong("tool_errors");
    r.toolFailed = rs.getLong("tool_failed");
    return r;
  }
}
