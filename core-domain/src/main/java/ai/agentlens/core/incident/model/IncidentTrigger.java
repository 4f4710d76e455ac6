package ai.agentlens.core.incident.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a trigger: it opens an incident, or updates the open one with the same {@link
 * #dedupeKey()}.
 *
 * @param orgId the org
 * @param agentId the agent, or {@code null}
 * @param ruleId the rule, or {@code null}
 * @param type the trigger type
 * @param dedupeKey the de-duplication key (see {@link #key})
 * @param title the title an opened incident gets
 * @param severity the severity an opened incident gets
 * @param at when it fired
 * @param relatedId the event or request id behind it, or {@code null}
 * @param details the trigger's details, a JSON object text
 */
public record IncidentTrigger(
    String orgId,
    String agentId,
    String ruleId,
    TriggerType type,
    String dedupeKey,
    String title,
    IncidentSeverity severity,
    Instant at,
    String relatedId,
    String details) {

  /** Checks the required fields. */
  public IncidentTrigger {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(details, "details");
  }

  /**
   * Builds the de-duplication key of (trigger, rule or source, agent).
   *
   * @param type the trigger type
   * @param source the rule id, monitor id or metric name; {@code null} for none
   * @param agentId the agent, or {@code null}
   * @return the key
   */
  public static String key(TriggerType type, String source, String agentId) {
    return type.wireName()
        + "|"
        + (source == null ? "" : source)
        + "|"
        + (agentId == null ? "" : agentId);
  }
}
