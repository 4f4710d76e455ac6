package ai.agentlens.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One AgentLens event (reference §1.1) as the domain sees it, from ingest to storage.
 *
 * <p>{@code payload} and {@code metadata} are JSON object texts. Before the event is written it has
 * no {@code sequence} (0), {@code prevHash} or {@code hash}; the writer assigns them when it
 * extends the session's hash chain (DESIGN.md: per-session sequence, RFC 8785 canonical JSON,
 * SHA-256). Timestamps are held at microsecond precision, the finest both backends store.
 *
 * @param id ULID minted by the server, or the client-supplied id (kept, for idempotent retries)
 * @param orgId the owning organization; every event belongs to exactly one
 * @param sessionId free-form, non-empty
 * @param agentId free-form, non-empty, self-reported
 * @param eventType the type
 * @param severity the severity
 * @param timestamp when it happened (client value, or receipt time)
 * @param payload type-specific JSON object text
 * @param metadata free-form JSON object text, {@code {}} when absent
 * @param sequence position in the session's chain, from 1; 0 while not yet written
 * @param prevHash hash of the previous event in the session, {@code null} for the first (or not yet
 *     written)
 * @param hash lowercase hex SHA-256, {@code null} while not yet written
 */
public record Event(
    String id,
    String orgId,
    String sessionId,
    String agentId,
    EventType eventType,
    Severity severity,
    Instant timestamp,
    String payload,
    String metadata,
    long sequence,
    String prevHash,
    String hash) {

  /** Checks the invariants every event holds, whatever its source. */
  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(metadata, "metadata");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0");
    }
    timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Creates an event not yet written: no sequence, no hashes.
   *
   * @param id the event id
   * @param orgId the org
   * @param sessionId the session
   * @param agentId the agent
   * @param eventType the type
   * @param severity the severity
   * @param timestamp when it happened
   * @param payload JSON object text
   * @param metadata JSON object text
   * @return the unwritten event
   */
  public static Event unwritten(
      String id,
      String orgId,
      String sessionId,
      String agentId,
      EventType eventType,
      Severity severity,
      Instant timestamp,
      String payload,
      String metadata) {
    return new Event(
        id, orgId, sessionId, agentId, eventType, severity, timestamp, payload, metadata, 0, null,
        null);
  }

  /**
   * Returns this event placed in its session's chain.
   *
   * @param sequence its position, from 1
   * @param prevHash the previous event's hash, or {@code null} for the first
   * @param hash this event's hash
   * @return the chained copy
   */
  public Event chained(long sequence, String prevHash, String hash) {
    return new Event(
        id, orgId, sessionId, agentId, eventType, severity, timestamp, payload, metadata, sequence,
        prevHash, hash);
  }
}
