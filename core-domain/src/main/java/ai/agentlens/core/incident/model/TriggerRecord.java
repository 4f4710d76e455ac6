package ai.agentlens.core.incident.model;

import java.time.Instant;

/**
 * One trigger in an incident's timeline.
 *
 * @param at when it fired
 * @param relatedId the event or request id behind it, or {@code null}
 * @param details its details, a JSON object text
 */
public record TriggerRecord(Instant at, String relatedId, String details) {}
