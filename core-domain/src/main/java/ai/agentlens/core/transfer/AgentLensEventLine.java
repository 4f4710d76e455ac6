package ai.agentlens.core.transfer;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.HashRecipe2;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One {@code "_type":"event"} line of the AgentLens TypeScript server's NDJSON export (reference
 * §6): the {@code events} row's columns ({@code id, timestamp, session_id, agent_id, event_type}
 * (or {@code type}), {@code severity, payload} (or {@code data}), {@code metadata, prev_hash,
 * hash}), payload and metadata as JSON text (the SQLite column) or as objects (the PostgreSQL
 * {@code jsonb} column). An event with a hash becomes a recipe-2 event that keeps it, with the text
 * recipe 2 hashes rebuilt from the line (payload and metadata text verbatim, or re-serialized the
 * way {@code JSON.stringify} writes them); one without a hash is chained with this server's recipe.
 */
final class AgentLensEventLine {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private AgentLensEventLine() {}

  /**
   * Reads and checks an event line.
   *
   * @param orgId the importing org
   * @param o the line's object
   * @return the event line (the file's sequence is unknown: 0)
   * @throws InvalidInputException naming the column at fault
   */
  static EventLine read(String orgId, JsonObject o) {
    String id = text(o, "id");
    String timestamp = text(o, "timestamp");
    String sessionId = text(o, "session_id");
    String agentId = text(o, "agent_id");
    String typeName = o.get("event_type") != null ? text(o, "event_type") : text(o, "type");
    EventType type =
        EventType.fromWireName(typeName)
            .orElseThrow(() -> new InvalidInputException("event_type: unknown"));
    String severityName = o.get("severity") == null ? "info" : text(o, "severity");
    Severity severity =
        Severity.fromWireName(severityName)
            .orElseThrow(() -> new InvalidInputException("severity: unknown"));
    Instant at = HashRecipe2.instant(timestamp);
    if (at == null) {
      throw new InvalidInputException("timestamp: an RFC 3339 time is required");
    }
    String payload = json(o, o.get("payload") != null ? "payload" : "data", false);
    String metadata = json(o, "metadata", true);
    Object hash = o.get("hash");
    Object prev = o.get("prev_hash");
    if (prev != null && !(prev instanceof String p && HEX64.matcher(p).matches())) {
      throw new InvalidInputException("prev_hash: 64 lowercase hex characters or null");
    }
    Event e;
    if (hash == null) {
      e = Event.unwritten(id, orgId, sessionId, agentId, type, severity, at, payload, metadata);
    } else {
      if (!(hash instanceof String h && HEX64.matcher(h).matches())) {
        throw new InvalidInputException("hash: 64 lowercase hex characters");
      }
      String source =
          HashRecipe2.source(
              id,
              timestamp,
              sessionId,
              agentId,
              typeName,
              severityName,
              payload,
              metadata,
              (String) prev);
      e =
          new Event(
              id,
              orgId,
              sessionId,
              agentId,
              type,
              severity,
              at,
              JsonDoc.of(payload),
              JsonDoc.of(metadata),
              0,
              (String) prev,
              h,
              HashRecipe2.VERSION,
              source);
    }
    EventRules.check(orgId, e);
    return new EventLine(e, 0, e.hash());
  }

  private static String text(JsonObject o, String field) {
    if (!(o.get(field) instanceof String s) || s.isEmpty()) {
      throw new InvalidInputException(field + ": a non-empty string is required");
    }
    return s;
  }

  /** The column as the JSON text recipe 2 hashed: a text column verbatim, an object stringified. */
  private static String json(JsonObject o, String field, boolean optional) {
    Object v = o.get(field);
    if (v == null && optional) {
      return "{}";
    }
    if (v instanceof JsonObject j) {
      return HashRecipe2.stringify(j);
    }
    if (v instanceof String s) {
      try {
        JsonReader.readObject(s);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(field + ": not a JSON object text");
      }
      return s;
    }
    throw new InvalidInputException(field + ": a JSON object (or its text) is required");
  }
}
