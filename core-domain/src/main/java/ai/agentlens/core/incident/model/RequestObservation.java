package ai.agentlens.core.incident.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One LLM request as incident detection sees it. The ingest listener builds these from {@code
 * llm_response} events (risk unknown); the LLM request log passes them with a risk score.
 *
 * @param orgId the org
 * @param agentId the agent
 * @param sessionId the session
 * @param requestId the event or request id
 * @param model the model, or {@code null}
 * @param latencyMs the latency in milliseconds, or {@code null} when unknown
 * @param error whether the request failed
 * @param costUsd its cost in USD (0 when unknown)
 * @param riskScore its risk score (0 to 100), or {@code null} when not scored
 * @param at when it happened
 */
public record RequestObservation(
    String orgId,
    String agentId,
    String sessionId,
    String requestId,
    String model,
    Double latencyMs,
    boolean error,
    double costUsd,
    Double riskScore,
    Instant at) {

  /** Checks the required fields. */
  public RequestObservation {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(at, "at");
  }
}
