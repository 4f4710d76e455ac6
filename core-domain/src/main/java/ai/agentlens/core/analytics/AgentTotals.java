package ai.agentlens.core.analytics;

import java.util.Objects;

/**
 * One agent's roll-up totals over a range.
 *
 * @param agentId the agent
 * @param events events of every type
 * @param calls LLM calls (stored {@code llm_response} events)
 * @param inputTokens input tokens of those calls
 * @param outputTokens output tokens of those calls
 * @param costUsd cost of those calls
 */
public record AgentTotals(
    String agentId, long events, long calls, long inputTokens, long outputTokens, double costUsd) {

  /** Checks the agent is set. */
  public AgentTotals {
    Objects.requireNonNull(agentId, "agentId");
  }
}
