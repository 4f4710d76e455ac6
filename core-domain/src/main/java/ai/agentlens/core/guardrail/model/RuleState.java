package ai.agentlens.core.guardrail.model;

import java.time.Instant;

/**
 * A rule's evaluation state (reference {@code guardrail_state}).
 *
 * @param ruleId the rule
 * @param orgId its org
 * @param lastTriggeredAt last trigger, or {@code null}
 * @param triggerCount triggers so far
 * @param lastEvaluatedAt last evaluation, or {@code null}
 * @param currentValue the value measured last, or {@code null}
 */
public record RuleState(
    String ruleId,
    String orgId,
    Instant lastTriggeredAt,
    long triggerCount,
    Instant lastEvaluatedAt,
    Double currentValue) {

  /** Keeps microseconds, as stores do. */
  public RuleState {
    lastTriggeredAt = ai.agentlens.core.event.Times.micros(lastTriggeredAt);
    lastEvaluatedAt = ai.agentlens.core.event.Times.micros(lastEvaluatedAt);
  }
}
