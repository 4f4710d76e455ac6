package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.risk.RiskAssessment;

/**
 * A call and its response written as one {@code insert … on conflict do update}, leaving the row
 * exactly as writing the two halves one after the other would, in either order: the call's prompt,
 * start, agent and session win; the response's outcome, provider and model win; a new row takes the
 * id and source of the half that came first, and the given risk assessment (an existing row keeps
 * its own, which the caller rescores).
 */
final class JdbcLlmPairWrite {

  private JdbcLlmPairWrite() {}

  /** The upsert of a pair: 28 parameters, see {@link #args}. */
  static final String SQL =
      "insert into llm_requests (org_id, id, call_id, agent_id, session_id, provider, model,"
          + " prompt, response, status, finish_reason, latency_ms, input_tokens, output_tokens,"
          + " source, started_at, completed_at, risk_score, risk_version, risk_reasons)"
          + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
          + " on conflict (org_id, call_id) do update set prompt = excluded.prompt,"
          + " started_at = excluded.started_at, response = excluded.response,"
          + " status = excluded.status, finish_reason = excluded.finish_reason,"
          + " latency_ms = excluded.latency_ms, input_tokens = excluded.input_tokens,"
          + " output_tokens = excluded.output_tokens, completed_at = excluded.completed_at,"
          + " agent_id = coalesce(?, llm_requests.agent_id, ?),"
          + " session_id = coalesce(?, llm_requests.session_id, ?),"
          + " provider = coalesce(?, llm_requests.provider, ?),"
          + " model = coalesce(?, llm_requests.model, ?)";

  /**
   * The arguments of {@link #SQL} for one pair.
   *
   * @param org the org
   * @param first the half that arrived first (its id and source name a new row)
   * @param call the call
   * @param response the response
   * @param risk the assessment of a row the pair creates, or null
   * @return the arguments
   */
  static Object[] args(
      String org,
      LlmHalfWrite first,
      LlmCallWrite call,
      LlmResponseWrite response,
      RiskAssessment risk) {
    String id = first instanceof LlmCallWrite ? call.id() : response.id();
    String source = first instanceof LlmCallWrite ? call.source() : response.source();
    Object[] inserted = {
      org,
      id,
      call.callId(),
      first(call.agentId(), response.agentId()),
      first(call.sessionId(), response.sessionId()),
      first(response.provider(), call.provider()),
      first(response.model(), call.model()),
      call.prompt() == null ? "" : call.prompt(),
      response.response() == null ? "" : response.response(),
      response.status().wireName(),
      response.finishReason(),
      response.latencyMs() == null ? Sql.Null.INTEGER : response.latencyMs(),
      Sql.intOrNull(response.inputTokens()),
      Sql.intOrNull(response.outputTokens()),
      source,
      call.startedAt(),
      response.completedAt()
    };
    Object[] updated = {
      call.agentId(),
      response.agentId(),
      call.sessionId(),
      response.sessionId(),
      response.provider(),
      call.provider(),
      response.model(),
      call.model()
    };
    Object[] withRisk = JdbcLlmHalfWrite.withRisk(risk, inserted);
    Object[] out = java.util.Arrays.copyOf(withRisk, withRisk.length + updated.length);
    System.arraycopy(updated, 0, out, withRisk.length, updated.length);
    return out;
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
