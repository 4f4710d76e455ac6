package ai.agentlens.core.guardrail.model;

import java.time.Instant;

/**
 * What guardrails set on an agent.
 *
 * @param pausedAt when it was paused, or {@code null}
 * @param pauseReason why, or {@code null}
 * @param modelOverride the model to use instead, or {@code null}
 */
public record AgentControl(Instant pausedAt, String pauseReason, String modelOverride) {

  /** Nothing set. */
  public static final AgentControl NONE = new AgentControl(null, null, null);
}
