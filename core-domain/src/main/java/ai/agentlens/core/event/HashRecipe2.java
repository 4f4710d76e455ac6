package ai.agentlens.core.event;

import ai.agentlens.core.json.CanonicalJson;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AgentLens TypeScript server's event hash, recipe version 2 (reference §2.1): lowercase hex
 * SHA-256 of {@code JSON.stringify({"v":2, id, timestamp, sessionId, agentId, eventType, severity,
 * payload, metadata, prevHash})} — key order as written, the timestamp text verbatim.
 *
 * <p>Events imported from that server keep their hashes. Their exact hashed text (the <em>hash
 * source</em>) is stored with them, because a store may re-serialize payloads (PostgreSQL {@code
 * jsonb} reorders keys) and the timestamp text is hashed as the client sent it. Verification checks
 * both ways: the source hashes to the stored hash, and the source says what the stored event says
 * (ids, type, severity, the same instant, the same payload and metadata as canonical JSON, the same
 * previous hash) — so changing either the event or its source is detected.
 */
public final class HashRecipe2 {

  /** The recipe's version, the {@code v} field. */
  public static final int VERSION = 2;

  private HashRecipe2() {}

  /**
   * Builds the text recipe 2 hashes, splicing payload and metadata in as given (the reference's
   * "raw" variant, exact when they are the server's stored {@code JSON.stringify} text).
   *
   * @param id the event id
   * @param timestamp the timestamp text, verbatim
   * @param sessionId the session
   * @param agentId the agent
   * @param eventType the type's wire name
   * @param severity the severity's wire name
   * @param payloadJson the payload as JSON text
   * @param metadataJson the metadata as JSON text
   * @param prevHash the previous hash, or {@code null}
   * @return the hash source
   */
  public static String source(
      String id,
      String timestamp,
      String sessionId,
      String agentId,
      String eventType,
      String severity,
      String payloadJson,
      String metadataJson,
      String prevHash) {
    StringBuilder b = new StringBuilder(256 + payloadJson.length() + metadataJson.length());
    b.append("{\"v\":2,\"id\":");
    CanonicalJson.appendString(b, id);
    b.append(",\"timestamp\":");
    CanonicalJson.appendString(b, timestamp);
    b.append(",\"sessionId\":");
    CanonicalJson.appendString(b, sessionId);
    b.append(",\"agentId\":");
    CanonicalJson.appendString(b, agentId);
    b.append(",\"eventType\":");
    CanonicalJson.appendString(b, eventType);
    b.append(",\"severity\":");
    CanonicalJson.appendString(b, severity);
    b.append(",\"payload\":").append(payloadJson);
    b.append(",\"metadata\":").append(metadataJson);
    b.append(",\"prevHash\":");
    CanonicalJson.appendString(b, prevHash);
    return b.append('}').toString();
  }

  /**
   * Writes a value the way JavaScript's {@code JSON.stringify} does: no whitespace, members in
   * insertion order except integer-like keys first in ascending numeric order, ES6 number and
   * string forms (the forms RFC 8785 adopted).
   *
   * @param value a parsed JSON value
   * @return the text
   */
  public static String stringify(Object value) {
    StringBuilder b = new StringBuilder();
    stringify(b, value);
    return b.toString();
  }

  private static void stringify(StringBuilder b, Object value) {
    if (value instanceof JsonObject o) {
      List<String> keys = new ArrayList<>(o.keySet());
      List<String> ordered = new ArrayList<>(keys.size());
      keys.stream()
          .filter(HashRecipe2::arrayIndex)
          .sorted(HashRecipe2::byIndex)
          .forEach(ordered::add);
      keys.stream().filter(k -> !arrayIndex(k)).forEach(ordered::add);
      b.append('{');
      for (int i = 0; i < ordered.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        CanonicalJson.appendString(b, ordered.get(i));
        b.append(':');
        stringify(b, o.get(ordered.get(i)));
      }
      b.append('}');
    } else if (value instanceof JsonArray a) {
      b.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        stringify(b, a.get(i));
      }
      b.append(']');
    } else {
      CanonicalJson.append(b, value);
    }
  }

  // why: JavaScript orders an object's array-index keys (0 .. 2^32-2) before its other keys
  private static boolean arrayIndex(String k) {
    if (k.isEmpty() || k.length() > 10 || (k.length() > 1 && k.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < k.length(); i++) {
      if (k.charAt(i) < '0' || k.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(k) < 0xFFFFFFFFL;
  }

  private static int byIndex(String a, String b) {
    return Long.compare(Long.parseLong(a), Long.parseLong(b));
  }

  /**
   * Hashes a source.
   *
   * @param source the text
   * @return 64 lowercase hex characters
   */
  public static String hash(String source) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Checks a stored recipe-2 event against its hash and its hash source (not its links).
   *
   * @param e the event
   * @return {@code null} when it verifies, else why not
   */
  public static String check(Event e) {
    if (e.hashSource() == null
        || e.hash() == null
        || !java.security.MessageDigest.isEqual(
            hash(e.hashSource()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            e.hash().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      return "hash does not match the event's contents";
    }
    JsonObject s;
    try {
      s = JsonReader.readObject(e.hashSource());
    } catch (IllegalArgumentException ex) {
      return "hash source is not a JSON object";
    }
    boolean same =
        Objects.equals(s.get("id"), e.id())
            && Objects.equals(s.get("sessionId"), e.sessionId())
            && Objects.equals(s.get("agentId"), e.agentId())
            && Objects.equals(s.get("eventType"), e.eventType().wireName())
            && Objects.equals(s.get("severity"), e.severity().wireName())
            && Objects.equals(s.get("prevHash"), e.prevHash())
            && e.timestamp().equals(instant(s.get("timestamp")))
            && canonical(s.get("payload")).equals(canonical(e.payload().tree()))
            && canonical(s.get("metadata")).equals(canonical(e.metadata().tree()));
    return same ? null : "hash does not match the event's contents";
  }

  private static String canonical(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      return "not an object";
    }
    StringBuilder b = new StringBuilder();
    CanonicalJson.append(b, value);
    return b.toString();
  }

  /**
   * Reads a recipe-2 timestamp text as an instant at the precision events are stored.
   *
   * @param text the text
   * @return the instant, or {@code null} when it is not an RFC 3339 time
   */
  public static Instant instant(Object text) {
    if (!(text instanceof String t)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException ex) {
      return null;
    }
  }
}
