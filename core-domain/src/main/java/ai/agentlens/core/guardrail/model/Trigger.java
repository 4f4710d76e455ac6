package ai.agentlens.core.guardrail.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded trigger (reference {@code guardrail_trigger_history}).
 *
 * @param id ULID
 * @param orgId the org
 * @param ruleId the rule
 * @param triggeredAt when
 * @param conditionValue the measured value, or {@code null} (content rules: number of findings)
 * @param conditionThreshold the threshold, or {@code null}
 * @param actionExecuted whether the action ran (false for dry-run)
 * @param actionResult what happened, e.g. {@code paused}, {@code dry_run}, {@code webhook 200}
 * @param metadata a JSON object text with details (agent, session, findings)
 */
public record Trigger(
    String id,
    String orgId,
    String ruleId,
    Instant triggeredAt,
    Double conditionValue,
    Double conditionThreshold,
    boolean actionExecuted,
    String actionResult,
    String metadata) {

  /** Rejects missing fields. */
  public Trigger {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(triggeredAt, "triggeredAt");
    Objects.requireNonNull(actionResult, "actionResult");
    metadata = metadata == null ? "{}" : metadata;
    triggeredAt = ai.agentlens.core.event.Times.micros(triggeredAt);
  }
}
