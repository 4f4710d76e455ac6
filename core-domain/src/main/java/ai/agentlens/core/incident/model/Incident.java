package ai.agentlens.core.incident.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One incident of an org: opened by a trigger, updated (count, last seen) by later triggers of the
 * same {@link #dedupeKey()} while it is open, resolved by a person or a recovery.
 *
 * @param id the id (a ULID, so ids sort by opening time)
 * @param orgId the org
 * @param agentId the agent, or {@code null} for org-wide incidents
 * @param ruleId the rule that fired, or {@code null} (anomaly, Datadog)
 * @param dedupeKey what makes two triggers the same incident (trigger type, rule or monitor, agent)
 * @param title a one-line title
 * @param severity the severity
 * @param triggerType what opened it
 * @param open whether it is open
 * @param openedAt when the first trigger came
 * @param lastSeenAt when the latest trigger came
 * @param triggerCount how many triggers it has seen, from 1
 * @param resolvedAt when it was resolved, or {@code null}
 * @param resolvedBy who resolved it (a user id, or {@code datadog}), or {@code null}
 * @param details the latest trigger's details, a JSON object text
 * @param relatedIds event or request ids of the triggers, oldest first (at most {@value
 *     #MAX_RELATED})
 */
public record Incident(
    String id,
    String orgId,
    String agentId,
    String ruleId,
    String dedupeKey,
    String title,
    IncidentSeverity severity,
    TriggerType triggerType,
    boolean open,
    Instant openedAt,
    Instant lastSeenAt,
    long triggerCount,
    Instant resolvedAt,
    String resolvedBy,
    String details,
    List<String> relatedIds) {

  /** How many related ids an incident keeps. */
  public static final int MAX_RELATED = 100;

  /** Checks the required fields and copies the list. */
  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(triggerType, "triggerType");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    Objects.requireNonNull(details, "details");
    relatedIds = List.copyOf(relatedIds);
  }

  /**
   * Returns the status wire name.
   *
   * @return {@code open} or {@code resolved}
   */
  public String status() {
    return open ? "open" : "resolved";
  }
}
