package ai.agentlens.core.event;

import java.util.List;
import java.util.Objects;

/**
 * Events of one org to be written together, e.g. one ingest request.
 *
 * @param orgId the org every event must belong to
 * @param apiKeyId the key that sent them (for usage records), or {@code null} when none did
 * @param events unwritten events, in arrival order (which is their chain order per session)
 */
public record EventBatch(String orgId, String apiKeyId, List<Event> events) {

  /** Rejects missing fields and copies the list. */
  public EventBatch {
    Objects.requireNonNull(orgId, "orgId");
    events = List.copyOf(events);
  }
}
