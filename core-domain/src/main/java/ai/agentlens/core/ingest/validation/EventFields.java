package ai.agentlens.core.ingest.validation;

import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.Utf16;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validated fields of one event of a request. {@code null} means "absent" for the optional ones
 * ({@code id}, {@code severity}, {@code timestamp}, {@code metadata}). {@code normalized} notes
 * what {@link Leniency} changed, by field path (mutable, owned by this record, in change order).
 */
record EventFields(
    String path,
    String id,
    String sessionId,
    String agentId,
    EventType eventType,
    Severity severity,
    Instant timestamp,
    JsonObject payload,
    JsonObject metadata,
    Map<String, String> normalized) {

  /**
   * Metadata keys only the server may set (reference §1.8, and the normalization notes); stripped
   * from client metadata.
   */
  static final List<String> RESERVED_METADATA =
      List.of(
          "verifiedAgentId",
          "verifiedAgentMethod",
          "verifiedOnBehalfOf",
          IngestRequestParser.NORMALIZED_KEY);

  private static final Pattern CLIENT_ID = Pattern.compile("[0-9A-Za-z_\\-.:]+");

  /**
   * Reads and checks one event node; adds what is wrong to {@code problems}.
   *
   * @param value the event, a JSON value
   * @param path its path prefix, e.g. {@code events.3.}
   * @param problems collected problems
   * @return the fields (meaningful only when no problem was added); reserved metadata keys are left
   *     out
   */
  static EventFields read(Object value, String path, List<Problem> problems) {
    if (!(value instanceof JsonObject node)) {
      problems.add(new Problem(trim(path), "must be an object"));
      return new EventFields(path, null, null, null, null, null, null, null, null, Map.of());
    }
    Map<String, String> notes = new LinkedHashMap<>();
    String id = clientId(node.get("id"), path, problems);
    String sessionId = name(node.get("sessionId"), path + "sessionId", problems);
    String agentId = name(node.get("agentId"), path + "agentId", problems);
    EventType type = eventType(node.get("eventType"), path + "eventType", problems);
    Severity severity = severity(node.get("severity"), path + "severity", problems, notes);
    Instant timestamp = timestamp(node.get("timestamp"), path + "timestamp", problems);
    JsonObject payload = object(node.get("payload"), path + "payload", true, problems);
    JsonObject metadata = object(node.get("metadata"), path + "metadata", false, problems);
    if (metadata != null) {
      metadata = metadata.without(RESERVED_METADATA);
    }
    if (type != null && payload != null) {
      payload = Leniency.payload(type, payload, notes);
      JsonObject[] moved = Leniency.topLevelTags(type, node.get("tags"), payload, metadata, notes);
      payload = moved[0];
      metadata = moved[1];
      JsonObject checked = payload;
      PayloadRules.RULES
          .getOrDefault(type, List.of())
          .forEach(r -> r.check(checked, path + "payload", problems));
      JsonObject usage = payload.object("usage");
      if (type == EventType.LLM_RESPONSE && usage != null) {
        PayloadRules.USAGE.forEach(r -> r.check(usage, path + "payload.usage", problems));
      }
    }
    return new EventFields(
        path, id, sessionId, agentId, type, severity, timestamp, payload, metadata, notes);
  }

  /**
   * Returns a copy with another payload.
   *
   * @param newPayload the payload
   * @return the copy
   */
  EventFields withPayload(JsonObject newPayload) {
    return new EventFields(
        path,
        id,
        sessionId,
        agentId,
        eventType,
        severity,
        timestamp,
        newPayload,
        metadata,
        normalized);
  }

  private static String clientId(Object v, String path, List<Problem> problems) {
    if (v == null) {
      return null;
    }
    String s = v instanceof String text ? text : null;
    if (s == null
        || s.isEmpty()
        || s.length() > IngestRequestParser.MAX_ID_LENGTH
        || !CLIENT_ID.matcher(s).matches()) {
      problems.add(
          new Problem(
              path + "id",
              "must be 1 to "
                  + IngestRequestParser.MAX_ID_LENGTH
                  + " characters of A-Z a-z 0-9 _ - . :"));
      return null;
    }
    return s;
  }

  private static String name(Object v, String at, List<Problem> problems) {
    if (v == null) {
      problems.add(new Problem(at, "is required"));
      return null;
    }
    if (!(v instanceof String s) || s.isEmpty()) {
      problems.add(new Problem(at, "must be a non-empty string"));
      return null;
    }
    if (s.isBlank()) {
      problems.add(new Problem(at, "must not be blank"));
      return null;
    }
    if (s.length() > IngestRequestParser.MAX_NAME_LENGTH) {
      problems.add(
          new Problem(
              at, "must be at most " + IngestRequestParser.MAX_NAME_LENGTH + " characters"));
      return null;
    }
    // why: the same rules as storage (Fields), so nothing accepted here fails in the worker
    if (s.chars().anyMatch(Character::isISOControl)) {
      problems.add(new Problem(at, "must not contain control characters"));
      return null;
    }
    if (!Utf16.isWellFormed(s)) {
      problems.add(new Problem(at, "must not contain a lone surrogate (invalid Unicode)"));
      return null;
    }
    return s;
  }

  private static EventType eventType(Object v, String at, List<Problem> problems) {
    if (v == null) {
      problems.add(new Problem(at, "is required"));
      return null;
    }
    EventType type = v instanceof String s ? EventType.fromWireName(s).orElse(null) : null;
    if (type == null) {
      List<String> allowed =
          Arrays.stream(EventType.values())
              .filter(EventType::clientIngestible)
              .map(EventType::wireName)
              .toList();
      problems.add(new Problem(at, "must be one of " + allowed));
      return null;
    }
    if (!type.clientIngestible()) {
      problems.add(new Problem(at, IngestRequestParser.refusal(type)));
      return null;
    }
    return type;
  }

  private static Severity severity(
      Object v, String at, List<Problem> problems, Map<String, String> notes) {
    if (v == null) {
      return null;
    }
    Severity s =
        v instanceof String text
            ? Severity.fromWireName(text).orElseGet(() -> Leniency.severityAlias(text, notes))
            : null;
    if (s == null) {
      problems.add(new Problem(at, "must be one of [debug, info, warn, error, critical]"));
    }
    return s;
  }

  private static Instant timestamp(Object v, String at, List<Problem> problems) {
    if (v == null) {
      return null;
    }
    if (v instanceof String text) {
      try {
        Instant t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        if (t.isBefore(EventRules.MIN_TIMESTAMP) || !t.isBefore(EventRules.MAX_TIMESTAMP)) {
          problems.add(new Problem(at, "must be from 1970-01-01 up to (not including) 9999-01-01"));
          return null;
        }
        return t;
      } catch (DateTimeParseException e) {
        // fall through to the problem below
      }
    }
    problems.add(
        new Problem(
            at, "must be an RFC 3339 date-time with offset, e.g. 2025-01-01T00:00:00.000Z"));
    return null;
  }

  private static JsonObject object(Object v, String at, boolean required, List<Problem> problems) {
    if (v == null) {
      if (required) {
        problems.add(new Problem(at, "is required"));
      }
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      problems.add(new Problem(at, "must be an object"));
      return null;
    }
    return o;
  }

  private static String trim(String path) {
    return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
  }
}
