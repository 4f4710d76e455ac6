package ai.agentlens.core.event;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.json.CanonicalJson;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The per-session hash chain (docs/architecture.md, "The ingestion path"; reference §2,
 * deliberately changed).
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
   * @throws InvalidInputException when payload or metadata is not a JSON object
   */
  public static String hash(Event event, long sequence, String prevHash) {
    return hash(
        prepare(event, parse("payload", event.payload()), parse("metadata", event.metadata())),
        sequence,
        prevHash);
  }

  private static JsonObject parse(String field, JsonDoc doc) {
    try {
      return doc.tree();
    } catch (JsonSyntaxException e) {
      throw new InvalidInputException(field + " cannot be canonicalized: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the parts of an event's canonical hash input that do not depend on its place in the
   * chain. The canonical member order is {@code agentId, eventType, id, metadata, payload,
   * prevHash, sequence, sessionId, severity, timestamp, v}, so the input is {@code head + prevHash
   * + sequence + tail}.
   *
   * @param event the event
   * @param payload its parsed payload
   * @param metadata its parsed metadata
   * @return the event ready to chain
   */
  static CheckedEvent prepare(Event event, JsonObject payload, JsonObject metadata) {
    return prepare(event, payload, metadata, CLONEABLE);
  }

  /**
   * {@link #prepare(Event, JsonObject, JsonObject)} with the head kept as a digest state to copy
   * or, where digests cannot be cloned, as bytes to hash again (tests take the second way).
   *
   * @param event the event
   * @param payload its parsed payload
   * @param metadata its parsed metadata
   * @param cloneable whether to keep the digest state
   * @return the event ready to chain
   */
  static CheckedEvent prepare(
      Event event, JsonObject payload, JsonObject metadata, boolean cloneable) {
    StringBuilder head = new StringBuilder(256 + event.payload().text().length());
    head.append("{\"agentId\":");
    CanonicalJson.appendString(head, event.agentId());
    head.append(",\"eventType\":");
    CanonicalJson.appendString(head, event.eventType().wireName());
    head.append(",\"id\":");
    CanonicalJson.appendString(head, event.id());
    head.append(",\"metadata\":");
    CanonicalJson.append(head, metadata);
    head.append(",\"payload\":");
    CanonicalJson.append(head, payload);
    head.append(",\"prevHash\":");
    StringBuilder tail = new StringBuilder(128);
    tail.append(",\"sessionId\":");
    CanonicalJson.appendString(tail, event.sessionId());
    tail.append(",\"severity\":");
    CanonicalJson.appendString(tail, event.severity().wireName());
    tail.append(",\"timestamp\":");
    CanonicalJson.appendString(tail, timestamp(event.timestamp()));
    tail.append(",\"v\":").append(VERSION).append('}');
    // why: head and tail end and start at ASCII punctuation, so encoding them apart gives the same
    // bytes as encoding the whole text (an unpaired surrogate still becomes '?', as before)
    return new CheckedEvent(
        event,
        payload,
        DigestHead.of(head.toString().getBytes(StandardCharsets.UTF_8), cloneable),
        tail.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Computes a prepared event's hash at a place in its chain.
   *
   * @param event the prepared event
   * @param sequence its place, from 1
   * @param prevHash the previous event's hash, or {@code null} for sequence 1
   * @return 64 lowercase hex characters
   */
  public static String hash(CheckedEvent event, long sequence, String prevHash) {
    StringBuilder middle = new StringBuilder(100);
    CanonicalJson.appendString(middle, prevHash);
    middle.append(",\"sequence\":");
    CanonicalJson.appendNumber(middle, sequence);
    MessageDigest md = event.headDigest();
    md.update(middle.toString().getBytes(StandardCharsets.UTF_8));
    md.update(event.hashTail);
    return HexFormat.of().formatHex(md.digest());
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
   * Appends checked events of one session to its chain, in list order, without parsing them again.
   * A recipe-2 event ({@link Event#keepsOwnHash}) whose {@code prevHash} is the chain's tail keeps
   * its hashes and hash source; any other event is chained with this recipe (a recipe-2 event that
   * does not link, e.g. its session already held other events, becomes a recipe-1 event).
   *
   * @param lastSequence the stored tail's sequence, 0 for an empty session
   * @param lastHash the stored tail's hash, {@code null} for an empty session
   * @param events checked unwritten events of that session
   * @return the events with sequence, prevHash and hash set
   */
  public static List<Event> extendChecked(
      long lastSequence, String lastHash, List<CheckedEvent> events) {
    List<Event> chained = new ArrayList<>(events.size());
    long sequence = lastSequence;
    String prev = lastHash;
    for (CheckedEvent e : events) {
      sequence++;
      if (e.event().keepsOwnHash() && Objects.equals(prev, e.event().prevHash())) {
        // why: a recipe-2 event that links to the tail keeps the hash it was exported with
        chained.add(e.event().placed(sequence));
        prev = e.event().hash();
        continue;
      }
      String hash = hash(e, sequence, prev);
      chained.add(e.event().chained(sequence, prev, hash));
      prev = hash;
    }
    return chained;
  }

  /**
   * Formats a timestamp the way the chain hashes it (and exports write it): {@code
   * uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC.
   *
   * @param t the instant
   * @return the text
   */
  public static String formatTimestamp(Instant t) {
    return timestamp(t);
  }

  /**
   * Formats a timestamp as {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC.
   *
   * @param t the instant
   * @return the text hashed for it
   */
  static String timestamp(Instant t) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
    if (d.getYear() < 1000 || d.getYear() > 9999) {
      return TIMESTAMP.format(t);
    }
    char[] c = "0000-00-00T00:00:00.000000Z".toCharArray();
    digits(c, 0, 4, d.getYear());
    digits(c, 5, 2, d.getMonthValue());
    digits(c, 8, 2, d.getDayOfMonth());
    digits(c, 11, 2, d.getHour());
    digits(c, 14, 2, d.getMinute());
    digits(c, 17, 2, d.getSecond());
    digits(c, 20, 6, d.getNano() / 1000);
    return new String(c);
  }

  private static void digits(char[] c, int at, int width, int value) {
    for (int k = at + width - 1; k >= at; k--) {
      c[k] = (char) ('0' + value % 10);
      value /= 10;
    }
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
   * Verifies a contiguous segment of a session's chain (e.g. what retention left): sequences are
   * gapless, each {@code prevHash} links, and each event's hash matches with the recipe it was made
   * with ({@link #check}).
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
      String why = check(e);
      if (why != null) {
        return ChainVerification.failedAt(i, why);
      }
      prev = e.hash();
      sequence++;
    }
    return ChainVerification.VALID;
  }

  /**
   * Checks one event's hash with its own recipe ({@link Event#hashVersion}), not its links.
   *
   * @param e a stored event
   * @return {@code null} when the hash matches, else why not
   */
  public static String check(Event e) {
    if (e.hashVersion() == HashRecipe2.VERSION) {
      try {
        return HashRecipe2.check(e);
      } catch (RuntimeException ex) {
        return "event cannot be hashed: " + ex.getMessage();
      }
    }
    String expected;
    try {
      expected = hash(e, e.sequence(), e.prevHash());
    } catch (RuntimeException ex) {
      return "event cannot be hashed: " + ex.getMessage();
    }
    return expected.equals(e.hash()) ? null : "hash does not match the event's contents";
  }

  // why: never updated, only cloned, so threads share it safely
  private static final MessageDigest SHA256 = sha256();

  // why: the JDK's SHA-256 can be cloned; a provider put first whose digests cannot be would
  // otherwise fail every ingest, so its events keep their head's bytes and hash them again
  private static final boolean CLONEABLE = DigestHead.cloneable(SHA256);

  /**
   * Returns a fresh SHA-256 digest.
   *
   * @return a digest no other caller holds
   */
  static MessageDigest newSha256() {
    if (!CLONEABLE) {
      return sha256();
    }
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("checked cloneable at start-up", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
