package ai.agentlens.core.session;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent as materialized from its events (reference §1.9).
 *
 * @param orgId the org
 * @param id the self-reported agent id
 * @param name {@code payload.agentName} of the first {@code session_started} seen, else the id
 * @param firstSeenAt earliest event timestamp seen
 * @param lastSeenAt latest event timestamp seen
 * @param sessionCount number of {@code session_started} events
 */
public record Agent(
    String orgId,
    String id,
    String name,
    Instant firstSeenAt,
    Instant lastSeenAt,
    long sessionCount) {

  /** Rejects missing fields. */
  public Agent {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    firstSeenAt = Times.micros(firstSeenAt);
    lastSeenAt = Times.micros(lastSeenAt);
  }
}
