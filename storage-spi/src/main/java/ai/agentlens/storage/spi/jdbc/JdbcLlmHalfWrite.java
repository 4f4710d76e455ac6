package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.risk.RiskAssessment;

/**
 * One half of an LLM request written alone, as an {@code insert … on conflict (org_id, call_id) do
 * update}: a call sets the prompt and start and fills what the row lacks; a response sets the
 * outcome. A row the statement creates takes the given risk assessment (none: no score); an
 * existing row keeps its own, which the caller rescores. The statements and their arguments are
 * apart so runs can be written as JDBC batches.
 */
final class JdbcLlmHalfWrite {

  private JdbcLlmHalfWrite() {}

  /**
   * The upsert of a call: 14 parameters, see {@link #args(String, LlmCallWrite, RiskAssessment)}.
   */
  static final String CALL_SQL =
      "insert into llm_requests (org_id, id, call_id, agent_id, session_id, provider,"
          + " model, prompt, status, source, started_at, risk_score, risk_version, risk_reasons)"
          + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
          + " on conflict (org_id, call_id) do update set prompt = excluded.prompt,"
          + " started_at = excluded.started_at,"
          + " agent_id = coalesce(excluded.agent_id, llm_requests.agent_id),"
          + " session_id = coalesce(excluded.session_id, llm_requests.session_id),"
          + " provider = coalesce(llm_requests.provider, excluded.provider),"
          + " model = coalesce(llm_requests.model, excluded.model)";

  /**
   * The upsert of a response: 19 parameters, see {@link #args(String, LlmResponseWrite,
   * RiskAssessment)}.
   */
  static final String RESPONSE_SQL =
      "insert into llm_requests (org_id, id, call_id, agent_id, session_id, provider,"
          + " model, response, status, finish_reason, latency_ms, input_tokens,"
          + " output_tokens, source, started_at, completed_at, risk_score, risk_version,"
          + " risk_reasons) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
          + " on conflict (org_id, call_id) do update set response = excluded.response,"
          + " status = excluded.status, finish_reason = excluded.finish_reason,"
          + " latency_ms = excluded.latency_ms, input_tokens = excluded.input_tokens,"
          + " output_tokens = excluded.output_tokens,"
          + " completed_at = excluded.completed_at,"
          + " agent_id = coalesce(llm_requests.agent_id, excluded.agent_id),"
          + " session_id = coalesce(llm_requests.session_id, excluded.session_id),"
          + " provider = coalesce(excluded.provider, llm_requests.provider),"
          + " model = coalesce(excluded.model, llm_requests.model)";

  /**
   * The arguments of {@link #CALL_SQL}.
   *
   * @param org the org
   * @param w the call
   * @param risk the assessment of a row the call creates, or null
   * @return the arguments
   */
  static Object[] args(String org, LlmCallWrite w, RiskAssessment risk) {
    return withRisk(
        risk,
        new Object[] {
          org,
          w.id(),
          w.callId(),
          w.agentId(),
          w.sessionId(),
          w.provider(),
          w.model(),
          w.prompt() == null ? "" : w.prompt(),
          LlmRequestStatus.PENDING.wireName(),
          w.source(),
          w.startedAt()
        });
  }

  /**
   * The arguments of {@link #RESPONSE_SQL}.
   *
   * @param org the org
   * @param w the response
   * @param risk the assessment of a row the response creates, or null
   * @return the arguments
   */
  static Object[] args(String org, LlmResponseWrite w, RiskAssessment risk) {
    return withRisk(
        risk,
        new Object[] {
          org,
          w.id(),
          w.callId(),
          w.agentId(),
          w.sessionId(),
          w.provider(),
          w.model(),
          w.response() == null ? "" : w.response(),
          w.status().wireName(),
          w.finishReason(),
          w.latencyMs() == null ? Sql.Null.INTEGER : w.latencyMs(),
          Sql.intOrNull(w.inputTokens()),
          Sql.intOrNull(w.outputTokens()),
          w.source(),
          w.completedAt(),
          w.completedAt()
        });
  }

  /**
   * Appends the three risk arguments (score, version, reasons) to a statement's arguments.
   *
   * @param risk the assessment, or null for none
   * @param args the other arguments
   * @return a copy with the risk arguments at the end
   */
  static Object[] withRisk(RiskAssessment risk, Object[] args) {
    Object[] out = java.util.Arrays.copyOf(args, args.length + 3);
    out[args.length] = risk == null ? Sql.Null.INTEGER : risk.score();
    out[args.length + 1] = risk == null ? Sql.Null.TEXT : risk.version();
    out[args.length + 2] = risk == null ? "[]" : LlmRequestRows.reasons(risk.reasons());
    return out;
  }
}
