package ai.agentlens.core.event;

import ai.agentlens.core.json.JsonDoc;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One AgentLens event (reference §1.1) as the domain sees it, from ingest to storage.
 *
 * <p>{@code payload} and {@code metadata} are JSON object documents ({@link JsonDoc}): the text,
 * and the tree once parsed, so the worker, the checks, the hash and the session projection share
 * the one parse the gateway (or the first reader of a stored text) made. Before the event is
 * written it has no {@code sequence} (0), {@code prevHash} or {@code hash}; the writer assigns them
 * when it extends the session's hash chain (docs/architecture.md: per-session sequence, RFC 8785
 * canonical JSON, SHA-256). Timestamps are held at microsecond precision, the finest both backends
 * store.
 *
 * @param id ULID minted by the server, or the client-supplied id (kept, for idempotent retries)
 * @param orgId the owning organization; every event belongs to exactly one
 * @param sessionId free-form, non-empty
 * @param agentId free-form, non-empty, self-reported
 * @param eventType the type
 * @param severity the severity
 * @param timestamp when it happened (client value, or receipt time)
 * @param payload type-specific JSON object (checked by {@link EventRules}, not here)
 * @param metadata free-form JSON object, {@code {}} when absent
 * @param sequence position in the session's chain, from 1; 0 while not yet written
 * @param prevHash hash of the previous event in the session, {@code null} for the first (or not yet
 *     written)
 * @param hash lowercase hex SHA-256, {@code null} while not yet written
 * @param hashVersion the recipe that made {@code hash}: {@link HashChain#VERSION} for events
 *     chained here, {@link HashRecipe2#VERSION} for events imported from an AgentLens TypeScript
 *     server that kept their original hashes
 * @param hashSource for recipe 2 only: the exact text that was hashed (the TypeScript server's
 *     {@code JSON.stringify} output), {@code null} otherwise
 */
public record Event(
    String id,
    String orgId,
    String sessionId,
    String agentId,
    EventType eventType,
    Severity severity,
    Instant timestamp,
    JsonDoc payload,
    JsonDoc metadata,
    long sequence,
    String prevHash,
    String hash,
    int hashVersion,
    String hashSource) {

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
    if (hashVersion == HashRecipe2.VERSION) {
      if (hash == null || hashSource == null) {
        throw new IllegalArgumentException("a recipe-2 event carries its hash and hash source");
      }
    } else if (hashVersion != HashChain.VERSION) {
      throw new IllegalArgumentException("unknown hash version " + hashVersion);
    } else if (hashSource != null) {
      throw new IllegalArgumentException("only a recipe-2 event carries a hash source");
    }
    timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Creates an event chained with this server's recipe ({@link HashChain#VERSION}).
   *
   * @param id the event id
   * @param orgId the org
   * @param sessionId the session
   * @param agentId the agent
   * @param eventType the type
   * @param severity the severity
   * @param timestamp when it happened
   * @param payload the JSON object
   * @param metadata the JSON object
   * @param sequence position in the session's chain, 0 while not yet written
   * @param prevHash the previous event's hash, or {@code null}
   * @param hash this event's hash, or {@code null}
   */
  public Event(
      String id,
      String orgId,
      String sessionId,
      String agentId,
      EventType eventType,
      Severity severity,
      Instant timestamp,
      JsonDoc payload,
      JsonDoc metadata,
      long sequence,
      String prevHash,
      String hash) {
    this(
        id,
        orgId,
        sessionId,
        agentId,
        eventType,
        severity,
        timestamp,
        payload,
        metadata,
        sequence,
        prevHash,
        hash,
        HashChain.VERSION,
        null);
  }

  /**
   * Creates an event from stored texts; they are parsed only when a consumer needs the tree.
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
   * @param sequence position in the session's chain, 0 while not yet written
   * @param prevHash the previous event's hash, or {@code null}
   * @param hash this event's hash, or {@code null}
   * @throws NullPointerException when a required field is missing
   * @throws IllegalArgumentException when {@code sequence} is negative
   */
  public Event(
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
    this(
        id,
        orgId,
        sessionId,
        agentId,
        eventType,
        severity,
        timestamp,
        JsonDoc.of(Objects.requireNonNull(payload, "payload")),
        JsonDoc.of(Objects.requireNonNull(metadata, "metadata")),
        sequence,
        prevHash,
        hash);
  }

  /**
   * Creates an event not yet written from JSON texts (tests, imports): no sequence, no hashes.
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
   * Creates an event not yet written: no sequence, no hashes.
   *
   * @param id the event id
   * @param orgId the org
   * @param sessionId the session
   * @param agentId the agent
   * @param eventType the type
   * @param severity the severity
   * @param timestamp when it happened
   * @param payload the JSON object
   * @param metadata the JSON object
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
      JsonDoc payload,
      JsonDoc metadata) {
    return new Event(
        id, orgId, sessionId, agentId, eventType, severity, timestamp, payload, metadata, 0, null,
        null);
  }

  /**
   * Returns this event with other contents, e.g. after enrichment.
   *
   * @param newPayload the payload
   * @param newMetadata the metadata
   * @return the copy, with the same chain fields
   */
  public Event withContent(JsonDoc newPayload, JsonDoc newMetadata) {
    return new Event(
        id,
        orgId,
        sessionId,
        agentId,
        eventType,
        severity,
        timestamp,
        newPayload,
        newMetadata,
        sequence,
        prevHash,
        hash,
        hashVersion,
        hashSource);
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

  /**
   * Returns this event placed in its session's chain with the hashes it came with (a recipe-2 event
   * whose {@code prevHash} is the chain's tail).
   *
   * @param sequence its position, from 1
   * @return the placed copy, same hashes, version and source
   */
  public Event placed(long sequence) {
    return new Event(
        id,
        orgId,
        sessionId,
        agentId,
        eventType,
        severity,
        timestamp,
        payload,
        metadata,
        sequence,
        prevHash,
        hash,
        hashVersion,
        hashSource);
  }

  /**
   * Whether this event arrived with hashes of its own to keep (recipe 2) instead of being chained
   * with this server's recipe.
   *
   * @return true for a recipe-2 event
   */
  public boolean keepsOwnHash() {
    return hashVersion == HashRecipe2.VERSION;
  }
}
