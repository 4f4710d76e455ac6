package ai.agentlens.core.policy;

import ai.agentlens.core.model.ChainVerification;
import ai.agentlens.core.model.Event;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The per-session hash chain (DESIGN.md "Ingestion pipeline"; reference §2, deliberately changed).
 *
 * <p>{@code hash = lowercase hex SHA-256 of the RFC 8785 canonical JSON of}
 *
 * <pre>{"v":1, "id", "sequence", "timestamp", "sessionId", "agentId", "eventType", "severity",
 *  "payload", "metadata", "prevHash"}</pre>
 *
 * where {@code timestamp} is ISO-8601 UTC with exactly six fractional digits ({@code
 * 2025-01-01T00:00:00.000000Z}), {@code eventType}/{@code severity} are wire names, {@code payload}
 * and {@code metadata} are the JSON objects themselves (not strings) and {@code prevHash} is the
 * previous event's hash or JSON {@code null} for the first event. Chain order is the {@code
 * sequence} (1, 2, …) assigned at write time, never the client timestamp. The org id is not hashed,
 * so an exported session verifies in any org. Canonical JSON makes the hash independent of how a
 * store re-serializes JSON (PostgreSQL {@code jsonb} reorders keys).
 */
public final class HashChain {

  /** Version of the hash construction, the {@code v} field. */
  public static final int VERSION = 1;

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private HashChain() {}

  /**
   * Computes an event's hash at a place in its chain.
   *
   * @param event the event (its own sequence and hashes are ignored)
   * @param sequence its place, from 1
   * @param prevHash the previous event's hash, or {@code null} for sequence 1
   * @return 64 lowercase hex characters
   * @throws ai.agentlens.core.port.storage.InvalidInputException when payload or metadata is not
   *     valid JSON
   */
  public static String hash(Event event, long sequence, String prevHash) {
    StringBuilder json = new StringBuilder(256 + event.payload().length());
    json.append("{\"v\":").append(VERSION).append(",\"id\":");
    Json.appendString(json, event.id());
    json.append(",\"sequence\":").append(sequence).append(",\"timestamp\":");
    Json.appendString(json, TIMESTAMP.format(event.timestamp()));
    json.append(",\"sessionId\":");
    Json.appendString(json, event.sessionId());
    json.append(",\"agentId\":");
    Json.appendString(json, event.agentId());
    json.append(",\"eventType\":");
    Json.appendString(json, event.eventType().wireName());
    json.append(",\"severity\":");
    Json.appendString(json, event.severity().wireName());
    json.append(",\"payload\":").append(event.payload());
    json.append(",\"metadata\":").append(event.metadata());
    json.append(",\"prevHash\":");
    Json.appendString(json, prevHash);
    json.append('}');
    return HexFormat.of().formatHex(sha256(Json.canonicalUtf8(json.toString())));
  }

  /**
   * Appends unwritten events of one session to its chain, in list order.
   *
   * @param lastSequence the stored tail's sequence, 0 for an empty session
   * @param lastHash the stored tail's hash, {@code null} for an empty session
   * @param events unwritten events of that session
   * @return the events with sequence, prevHash and hash set
   */
  public static List<Event> extend(long lastSequence, String lastHash, List<Event> events) {
    List<Event> chained = new ArrayList<>(events.size());
    long sequence = lastSequence;
    String prev = lastHash;
    for (Event e : events) {
      sequence++;
      String hash = hash(e, sequence, prev);
      chained.add(e.chained(sequence, prev, hash));
      prev = hash;
    }
    return chained;
  }

  /**
   * Verifies a whole session from its first event.
   *
   * @param events the session's events ordered by sequence
   * @return valid, or the index of the first bad event and why
   */
  public static ChainVerification verify(List<Event> events) {
    return verify(events, 1, null);
  }

  /**
   * Verifies a contiguous segment of a session's chain (e.g. what retention left).
   *
   * @param events the events ordered by sequence
   * @param firstSequence the sequence the first event must have
   * @param expectedPrevHash the hash the first event must link to ({@code null} from the start)
   * @return valid, or the index of the first bad event and why
   */
  public static ChainVerification verify(
      List<Event> events, long firstSequence, String expectedPrevHash) {
    String prev = expectedPrevHash;
    long sequence = firstSequence;
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      if (e.sequence() != sequence) {
        return ChainVerification.failedAt(i, "sequence " + e.sequence() + ", expected " + sequence);
      }
      if (!Objects.equals(prev, e.prevHash())) {
        return ChainVerification.failedAt(i, "prevHash does not link to the previous event");
      }
      String expected;
      try {
        expected = hash(e, e.sequence(), e.prevHash());
      } catch (RuntimeException ex) {
        return ChainVerification.failedAt(i, "event cannot be hashed: " + ex.getMessage());
      }
      if (!expected.equals(e.hash())) {
        return ChainVerification.failedAt(i, "hash does not match the event's contents");
      }
      prev = e.hash();
      sequence++;
    }
    return ChainVerification.VALID;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
