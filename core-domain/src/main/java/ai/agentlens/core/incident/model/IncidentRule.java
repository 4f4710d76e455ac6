package ai.agentlens.core.incident.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An org's detection rule, evaluated by {@code IncidentDetector} on every observed request.
 *
 * <ul>
 *   <li>{@code latency}: the p95 latency (ms) of the scope's requests in the last {@code
 *       windowMinutes} exceeds {@code threshold} (with one request in the window, that request);
 *   <li>{@code errors}: at least {@code threshold} failed requests in the last {@code
 *       windowMinutes};
 *   <li>{@code risk}: a request's risk score is at least {@code threshold};
 *   <li>{@code cost_spike}: the scope's cost (USD) in the last {@code windowMinutes} exceeds {@code
 *       threshold}.
 * </ul>
 *
 * @param id the id
 * @param orgId the org
 * @param type the rule type ({@link TriggerType#ruleType()})
 * @param threshold the threshold, &gt; 0
 * @param windowMinutes the window, 1 to 1440
 * @param severity the severity incidents get
 * @param agentId the one agent it watches, or {@code null} for every agent (each agent separately)
 * @param enabled whether it is evaluated
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record IncidentRule(
    String id,
    String orgId,
    TriggerType type,
    double threshold,
    int windowMinutes,
    IncidentSeverity severity,
    String agentId,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {

  /** The longest window. */
  public static final int MAX_WINDOW_MINUTES = 1440;

  /** Checks the invariants. */
  public IncidentRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (!type.ruleType()) {
      throw new IllegalArgumentException("type must be latency, errors, risk or cost_spike");
    }
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a positive number");
    }
    if (windowMinutes < 1 || windowMinutes > MAX_WINDOW_MINUTES) {
      throw new IllegalArgumentException("windowMinutes must be between 1 and 1440");
    }
  }
}
