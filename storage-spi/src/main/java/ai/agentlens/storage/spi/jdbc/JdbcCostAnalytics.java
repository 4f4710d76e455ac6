package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.budget.model.SessionSpend;
import ai.agentlens.core.optimize.model.CallGroup;
import ai.agentlens.core.optimize.model.ComplexityTier;
import ai.agentlens.core.port.cost.CostAnalytics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link CostAnalytics} in portable SQL over {@code events} and {@code sessions}. The call groups
 * are computed in one statement: the org's {@code llm_call}/{@code llm_response} events of the
 * range (index {@code (org_id, event_type, ts)}) are grouped by {@code callId} into pairs, each
 * pair is classified into its tier by a CASE built from {@link ComplexityTier}'s thresholds, and
 * the pairs are summed by (model, tier) — only the groups leave the database.
 */
public class JdbcCostAnalytics implements CostAnalytics {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the reads.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcCostAnalytics(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public List<CallGroup> callGroups(String orgId, String agentId, Instant from, Instant to) {
    List<Object> args = new ArrayList<>(Arrays.asList(orgId, "llm_call", "llm_response", from, to));
    String agent = "";
    if (agentId != null) {
      agent = " and agent_id = ?";
      args.add(agentId);
    }
    String statement = groupsSql(agent);
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                statement,
                rs ->
                    new CallGroup(
                        rs.getString("model"),
                        ComplexityTier.fromWire(rs.getString("tier")),
                        rs.getLong("n"),
                        rs.getLong("ok"),
                        rs.getDouble("cost"),
                        Math.round(rs.getDouble("tin")),
                        Math.round(rs.getDouble("tout")),
                        rs.getLong("agents"),
                        rs.getString("agent")),
                args.toArray()));
  }

  private String groupsSql(String agentFilter) {
    Dialect d = sql.dialect();
    String callId = d.jsonString("payload", "callId");
    String call = "event_type = 'llm_call'";
    String resp = "event_type = 'llm_response'";
    String pairs =
        "select max(case when "
            + call
            + " then "
            + d.jsonString("payload", "model")
            + " end) as model, max(case when "
            + call
            + " then agent_id end) as agent, max(case when "
            + resp
            + " then "
            + d.jsonNumber("payload", "usage", "inputTokens")
            + " end) as tin, max(case when "
            + resp
            + " then "
            + d.jsonNumber("payload", "usage", "outputTokens")
            + " end) as tout, max(case when "
            + resp
            + " then "
            + d.jsonArrayLength("payload", "toolCalls")
            + " end) as tools, max(case when "
            + resp
            + " then "
            + d.jsonNumber("payload", "costUsd")
            + " end) as cost, max(case when "
            + resp
            + " and "
            + d.jsonString("payload", "finishReason")
            + " = 'error' then 1 else 0 end) as failed,"
            + " sum(case when "
            + call
            + " then 1 else 0 end) as calls, sum(case when "
            + resp
            + " then 1 else 0 end) as responses"
            + " from events where org_id = ? and event_type in (?, ?) and ts >= ? and ts <= ?"
            + agentFilter
            + " and "
            + callId
            + " is not null and "
            + callId
            + " <> '' group by "
            + callId;
    String tier =
        "case when tin > "
            + ComplexityTier.EXPERT_ABOVE_TOKENS
            + " or tools >= "
            + ComplexityTier.EXPERT_FROM_TOOLS
            + " then 'expert' when tin > "
            + ComplexityTier.COMPLEX_ABOVE_TOKENS
            + " or tools >= "
            + ComplexityTier.COMPLEX_FROM_TOOLS
            + " then 'complex' when tin < "
            + ComplexityTier.SIMPLE_BELOW_TOKENS
            + " and tools = 0 then 'simple' else 'moderate' end";
    return "select model, tier, count(*) as n, sum(1 - failed) as ok,"
        + " sum(coalesce(cost, 0)) as cost, sum(coalesce(tin, 0)) as tin,"
        + " sum(coalesce(tout, 0)) as tout, count(distinct agent) as agents, min(agent) as agent"
        + " from (select p.model, p.agent, p.tin, p.tout, p.cost, p.failed, "
        + tier
        + " as tier from ("
        + pairs
        + ") p where p.calls > 0 and p.responses > 0 and p.model is not null and p.model <> '') q"
        + " group by model, tier";
  }

  @Override
  public double spend(String orgId, String agentId, Instant from, Instant to) {
    List<Object> args = new ArrayList<>(Arrays.asList(orgId, "llm_response", from, to));
    String agent = "";
    if (agentId != null) {
      agent = " and agent_id = ?";
      args.add(agentId);
    }
    String statement =
        "select coalesce(sum("
            + sql.dialect().jsonNumber("payload", "costUsd")
            + "), 0) as spent from events where org_id = ? and event_type = ?"
            + " and ts >= ? and ts < ?"
            + agent;
    return tx.readOrg(
        orgId,
        0.0,
        c -> sql.one(c, statement, rs -> rs.getDouble("spent"), args.toArray()).orElse(0.0));
  }

  @Override
  public Optional<SessionSpend> topOpenSession(String orgId, String agentId, Instant startedFrom) {
    List<Object> args = new ArrayList<>(Arrays.asList(orgId, "active"));
    StringBuilder where = new StringBuilder();
    if (agentId != null) {
      where.append(" and agent_id = ?");
      args.add(agentId);
    }
    if (startedFrom != null) {
      where.append(" and started_at >= ?");
      args.add(startedFrom);
    }
    String statement =
        "select id, total_cost_usd from sessions where org_id = ? and status = ?"
            + where
            + " order by total_cost_usd desc, id limit 1";
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                statement,
                rs -> new SessionSpend(rs.getString("id"), rs.getDouble("total_cost_usd")),
                args.toArray()));
  }
}
