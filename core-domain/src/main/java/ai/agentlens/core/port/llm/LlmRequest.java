package ai.agentlens.core.port.llm;

import ai.agentlens.core.risk.RiskAssessment;
import ai.agentlens.core.risk.RiskReason;
import java.time.Instant;
import java.util.List;

/**
 * One stored LLM request: an {@code llm_call} and its {@code llm_response} (or one {@code POST
 * /api/llm/requests}), with its risk score. Texts are as stored: masked and redacted per the org's
 * settings.
 *
 * @param orgId the org
 * @param id the request id
 * @param callId the call id pairing call and response (for API-recorded requests, the id)
 * @param agentId the agent, or {@code null}
 * @param sessionId the session, or {@code null}
 * @param provider the provider, or {@code null}
 * @param model the model, or {@code null}
 * @param prompt the prompt text, {@code ""} when not (yet) known
 * @param response the completion text, {@code ""} when not (yet) known
 * @param status pending, success or error
 * @param finishReason the finish reason, or {@code null}
 * @param latencyMs the latency, or {@code null}
 * @param inputTokens input tokens, or {@code null}
 * @param outputTokens output tokens, or {@code null}
 * @param riskScore 0–100, or {@code null} before the first scoring
 * @param riskVersion the scorer version, or {@code null}
 * @param reasons what contributed to the score, heaviest first
 * @param source {@code event} (paired from ingested events) or {@code api}
 * @param startedAt when the call started
 * @param completedAt when the response arrived, or {@code null}
 */
public record LlmRequest(
    String orgId,
    String id,
    String callId,
    String agentId,
    String sessionId,
    String provider,
    String model,
    String prompt,
    String response,
    LlmRequestStatus status,
    String finishReason,
    Long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    Integer riskScore,
    String riskVersion,
    List<RiskReason> reasons,
    String source,
    Instant startedAt,
    Instant completedAt) {

  /** Copies the reasons; absent texts become empty. */
  public LlmRequest {
    reasons = List.copyOf(reasons);
    prompt = prompt == null ? "" : prompt;
    response = response == null ? "" : response;
  }

  /**
   * Tells whether this row already carries an assessment (same score, version and reasons).
   *
   * @param risk the assessment
   * @return whether storing it would change nothing
   */
  public boolean hasRisk(RiskAssessment risk) {
    return java.util.Objects.equals(riskScore, risk.score())
        && risk.version().equals(riskVersion)
        && risk.reasons().equals(reasons);
  }

  /**
   * Returns this row with an assessment's score, version and reasons.
   *
   * @param risk the assessment
   * @return the copy
   */
  public LlmRequest withRisk(RiskAssessment risk) {
    return new LlmRequest(
        orgId,
        id,
        callId,
        agentId,
        sessionId,
        provider,
        model,
        prompt,
        response,
        status,
        finishReason,
        latencyMs,
        inputTokens,
        outputTokens,
        risk.score(),
        risk.version(),
        risk.reasons(),
        source,
        startedAt,
        completedAt);
  }
}
