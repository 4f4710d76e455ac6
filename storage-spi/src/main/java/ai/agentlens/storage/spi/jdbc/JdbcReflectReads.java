package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.memory.ReflectReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link ReflectReads} in portable SQL over {@code events} and {@code sessions}: cost groups and
 * days are {@code group by} queries (nothing per event leaves the database); error and tool rows
 * are the newest {@code cap} rows of their types. JSON fields are read through the dialect.
 */
public class JdbcReflectReads implements ReflectReads {

  private static final String ERROR =
      "(event_type in ('tool_error','error') or severity in ('error','critical'))";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the reads.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcReflectReads(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  private record Where(String text, List<Object> args) {}

  private static Where where(Filter f, String time) {
    List<Object> args = new ArrayList<>();
    StringBuilder w =
        new StringBuilder(" where org_id = ? and " + time + " >= ? and " + time + " < ?");
    args.add(f.orgId());
    args.add(f.from());
    args.add(f.to());
    if (f.agentId() != null) {
      w.append(" and agent_id = ?");
      args.add(f.agentId());
    }
    return new Where(w.toString(), args);
  }

  private static Object[] with(Where w, Object... more) {
    List<Object> all = new ArrayList<>(w.args());
    all.addAll(List.of(more));
    return all.toArray();
  }

  @Override
  public Totals totals(Filter f) {
    Where w = where(f, "ts");
    return tx.readOrg(
        f.orgId(),
        new Totals(0, 0),
        c ->
            sql.one(
                    c,
                    "select count(distinct session_id), count(*) from events" + w.text(),
                    rs -> new Totals(rs.getLong(1), rs.getLong(2)),
                    w.args().toArray())
                .orElse(new Totals(0, 0)));
  }

  @Override
  public List<ErrorRow> errors(Filter f, int cap) {
    Dialect d = sql.dialect();
    Where w = where(f, "ts");
    String q =
        "select id, session_id, agent_id, event_type, ts, "
            + d.jsonString("payload", "toolName")
            + " as tool, coalesce("
            + d.jsonString("payload", "error")
            + ", "
            + d.jsonString("payload", "message")
            + ") as msg from events"
            + w.text()
            + " and "
            + ERROR
            + " order by ts desc, id desc limit ?";
    return tx.readOrg(
        f.orgId(),
        List.of(),
        c ->
            sql.list(
                c,
                q,
                rs ->
                    new ErrorRow(
                        rs.getString("id"),
                        rs.getString("session_id"),
                        rs.getString("agent_id"),
                        rs.getString("event_type"),
                        rs.getString("tool"),
                        rs.getString("msg"),
                        d.getInstant(rs, "ts")),
                with(w, cap)));
  }

  @Override
  public List<ToolStep> toolSteps(Filter f, int cap) {
    Dialect d = sql.dialect();
    Where w = where(f, "ts");
    String q =
        "select session_id, sequence, event_type, "
            + d.jsonString("payload", "toolName")
            + " as tool, "
            + d.jsonString("payload", "callId")
            + " as call_id from events"
            + w.text()
            + " and event_type in ('tool_call','tool_error') order by ts desc, id desc limit ?";
    List<ToolStep> rows =
        tx.readOrg(
            f.orgId(),
            List.of(),
            c ->
                sql.list(
                    c,
                    q,
                    rs ->
                        new ToolStep(
                            rs.getString("session_id"),
                            rs.getLong("sequence"),
                            rs.getString("tool"),
                            rs.getString("call_id"),
                            "tool_error".equals(rs.getString("event_type"))),
                    with(w, cap)));
    List<ToolStep> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(ToolStep::sessionId).thenComparingLong(ToolStep::sequence));
    return sorted;
  }

  @Override
  public List<CostGroup> costGroups(Filter f) {
    Dialect d = sql.dialect();
    Where w = where(f, "ts");
    String q =
        "select agent_id, "
            + d.jsonString("payload", "model")
            + " as model, count(*) as calls, coalesce(sum("
            + d.jsonNumber("payload", "costUsd")
            + "), 0) as cost, coalesce(sum("
            + d.jsonNumber("payload", "usage", "inputTokens")
            + "), 0) as tin, coalesce(sum("
            + d.jsonNumber("payload", "usage", "outputTokens")
            + "), 0) as tout from events"
            + w.text()
            + " and event_type = 'llm_response' group by 1, 2 order by cost desc, 1, 2";
    return tx.readOrg(
        f.orgId(),
        List.of(),
        c ->
            sql.list(
                c,
                q,
                rs ->
                    new CostGroup(
                        rs.getString("agent_id"),
                        rs.getString("model"),
                        rs.getLong("calls"),
                        rs.getDouble("cost"),
                        Math.round(rs.getDouble("tin")),
                        Math.round(rs.getDouble("tout"))),
                w.args().toArray()));
  }

  @Override
  public List<SessionCost> topSessions(Filter f, int limit) {
    Where w = where(f, "started_at");
    return tx.readOrg(
        f.orgId(),
        List.of(),
        c ->
            sql.list(
                c,
                "select id, agent_id, started_at, total_cost_usd, event_count, error_count"
                    + " from sessions"
                    + w.text()
                    + " and total_cost_usd > 0 order by total_cost_usd desc, id limit ?",
                rs ->
                    new SessionCost(
                        rs.getString("id"),
                        rs.getString("agent_id"),
                        sql.dialect().getInstant(rs, "started_at"),
                        rs.getDouble("total_cost_usd"),
                        rs.getLong("event_count"),
                        rs.getLong("error_count")),
                with(w, limit)));
  }

  @Override
  public List<DayStats> daily(Filter f) {
    Dialect d = sql.dialect();
    Where w = where(f, "ts");
    String latency = d.jsonNumber("payload", "latencyMs");
    String q =
        "select "
            + d.epochBucket("ts", 86_400)
            + " as day, count(*) as n, sum(case when "
            + ERROR
            + " then 1 else 0 end) as errors, coalesce(sum(case when event_type = 'llm_response'"
            + " then "
            + d.jsonNumber("payload", "costUsd")
            + " end), 0) as cost, sum(case when event_type = 'llm_response' and "
            + latency
            + " is not null then 1 else 0 end) as responses, coalesce(sum(case when event_type ="
            + " 'llm_response' then "
            + latency
            + " end), 0) as latency from events"
            + w.text()
            + " group by 1 order by 1";
    return tx.readOrg(
        f.orgId(),
        List.of(),
        c ->
            sql.list(
                c,
                q,
                rs ->
                    new DayStats(
                        Instant.ofEpochSecond(rs.getLong("day") * 86_400L),
                        rs.getLong("n"),
                        rs.getLong("errors"),
                        rs.getDouble("cost"),
                        rs.getLong("responses"),
                        rs.getDouble("latency")),
                w.args().toArray()));
  }
}
