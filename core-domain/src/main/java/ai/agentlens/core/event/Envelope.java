package ai.agentlens.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The unit of work on the queue: the events of one accepted ingest request, as the gateway hands
 * them to the workers (docs/architecture.md, "The ingestion path").
 *
 * <p>Every event belongs to the envelope's org (checked here, so a queue can never carry one
 * tenant's event under another tenant's envelope). Events are unwritten: no sequence, no hashes.
 *
 * @param id unique id of this envelope (a ULID minted by the gateway); redeliveries keep it
 * @param orgId the org every event belongs to
 * @param apiKeyId the API key the request was authenticated with, or {@code null} when it did not
 *     come with a key (e.g. an import started from the dashboard)
 * @param receivedAt when the gateway accepted the request, microsecond precision
 * @param events the events, in request order; never empty
 */
public record Envelope(
    String id, String orgId, String apiKeyId, Instant receivedAt, List<Event> events) {

  /** Checks the invariants and takes an immutable copy of the events. */
  public Envelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(events, "events");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an envelope carries at least one event");
    }
    events = List.copyOf(events);
    for (Event e : events) {
      if (!orgId.equals(e.orgId())) {
        throw new IllegalArgumentException(
            "event " + e.id() + " belongs to another org than envelope " + id);
      }
    }
    receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
  }
}
