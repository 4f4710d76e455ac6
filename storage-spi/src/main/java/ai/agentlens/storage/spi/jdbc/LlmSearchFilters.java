package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.llm.LlmRequestQuery;
import java.util.List;

/** The filters of an LLM request search as SQL conditions on alias {@code r}, values bound. */
public final class LlmSearchFilters {

  private LlmSearchFilters() {}

  /**
   * Appends {@code " and …"} for each filter the query sets (agent, model, provider, status, risk
   * range, start-time range) and its value.
   *
   * @param q the query
   * @param where the conditions so far
   * @param args their arguments, in order
   */
  public static void append(LlmRequestQuery q, StringBuilder where, List<Object> args) {
    eq(where, args, "r.agent_id", q.agentId());
    eq(where, args, "r.model", q.model());
    eq(where, args, "r.provider", q.provider());
    eq(where, args, "r.status", q.status() == null ? null : q.status().wireName());
    if (q.minRisk() != null) {
      where.append(" and r.risk_score >= ?");
      args.add(q.minRisk());
    }
    if (q.maxRisk() != null) {
      where.append(" and r.risk_score <= ?");
      args.add(q.maxRisk());
    }
    if (q.from() != null) {
      where.append(" and r.started_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" and r.started_at < ?");
      args.add(q.to());
    }
  }

  private static void eq(StringBuilder where, List<Object> args, String column, String value) {
    if (value != null) {
      where.append(" and ").append(column).append(" = ?");
      args.add(value);
    }
  }
}
