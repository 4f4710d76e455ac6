package ai.agentlens.core.transfer;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.HashRecipe2;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One {@code event} line of an export, read back: the unwritten event for the caller's org, and the
 * chain fields the file claims (compared with what the write path assigns).
 *
 * @param event the checked, unwritten event
 * @param sequence the file's sequence, 0 when absent
 * @param hash the file's hash, or {@code null}
 */
record EventLine(Event event, long sequence, String hash) {

  /**
   * Reads and checks an event line.
   *
   * @param orgId the importing org (the file's org is ignored)
   * @param o the line's object
   * @return the event line
   * @throws InvalidInputException naming the field at fault
   */
  static EventLine read(String orgId, JsonObject o) {
    EventType type =
        EventType.fromWireName(text(o, "eventType"))
            .orElseThrow(() -> new InvalidInputException("eventType: unknown"));
    Severity severity =
        Severity.fromWireName(text(o, "severity"))
            .orElseThrow(() -> new InvalidInputException("severity: unknown"));
    Event e =
        Event.unwritten(
            text(o, "id"),
            orgId,
            text(o, "sessionId"),
            text(o, "agentId"),
            type,
            severity,
            time(text(o, "timestamp")),
            JsonDoc.of(object(o, "payload")),
            JsonDoc.of(o.get("metadata") == null ? JsonObject.EMPTY : object(o, "metadata")));
    if (o.get("hashVersion") instanceof JsonNumber v && v.longValue() == HashRecipe2.VERSION) {
      // why: an event once imported from an AgentLens TypeScript server keeps its recipe-2 hash
      Object prev = o.get("prevHash");
      e =
          new Event(
              e.id(),
              orgId,
              e.sessionId(),
              e.agentId(),
              type,
              severity,
              e.timestamp(),
              e.payload(),
              e.metadata(),
              0,
              prev instanceof String p ? p : null,
              text(o, "hash"),
              HashRecipe2.VERSION,
              text(o, "hashSource"));
    }
    EventRules.check(orgId, e);
    long sequence = o.get("sequence") instanceof JsonNumber n ? n.longValue() : 0;
    Object hash = o.get("hash");
    return new EventLine(e, sequence, hash instanceof String h ? h : null);
  }

  private static String text(JsonObject o, String field) {
    if (!(o.get(field) instanceof String s) || s.isEmpty()) {
      throw new InvalidInputException(field + ": a non-empty string is required");
    }
    return s;
  }

  private static JsonObject object(JsonObject o, String field) {
    if (!(o.get(field) instanceof JsonObject j)) {
      throw new InvalidInputException(field + ": a JSON object is required");
    }
    return j;
  }

  private static Instant time(String raw) {
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("timestamp: an RFC 3339 time is required, got '" + raw + "'");
    }
  }
}
