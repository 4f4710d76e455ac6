package ai.agentlens.core.guardrail.model;

import java.time.Instant;

/**
 * What guardrails set on an agent.
 *
 * @param pausedAt when it was paused, or {@code null}
 * @param pauseReason why, or {@code null}
 * @param modelOverride the model to use instead, or {@code null}
 * @param rateLimitPerMinute the events-per-minute limit a {@code rate_limit} action set, or {@code
 *     null}
 * @param rateLimitedUntil when that limit lapses, or {@code null}
 * @param agentgatePolicy the policy reference an {@code agentgate_policy} action stored, or {@code
 *     null}
 */
public record AgentControl(
    Instant pausedAt,
    String pauseReason,
    String modelOverride,
    Integer rateLimitPerMinute,
    Instant rateLimitedUntil,
    String agentgatePolicy) {

  /** Nothing set. */
  public static final AgentControl NONE = new AgentControl(null, null, null);

  /**
   * Controls without a rate limit or policy.
   *
   * @param pausedAt when it was paused, or {@code null}
   * @param pauseReason why, or {@code null}
   * @param modelOverride the model to use instead, or {@code null}
   */
  public AgentControl(Instant pausedAt, String pauseReason, String modelOverride) {
    this(pausedAt, pauseReason, modelOverride, null, null, null);
  }

  /**
   * Returns the rate limit in force at a time.
   *
   * @param now the time
   * @return the events-per-minute limit, or {@code null} when none or lapsed
   */
  public Integer activeRateLimit(Instant now) {
    if (rateLimitPerMinute == null || rateLimitedUntil == null || !now.isBefore(rateLimitedUntil)) {
      return null;
    }
    return rateLimitPerMinute;
  }
}
