package ai.agentlens.web.ingest;

import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.web.error.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The validated fields of one event of a request. {@code null} means "absent" for the optional ones
 * ({@code id}, {@code severity}, {@code timestamp}, {@code metadata}).
 */
record EventFields(
    String path,
    String id,
    String sessionId,
    String agentId,
    EventType eventType,
    Severity severity,
    Instant timestamp,
    ObjectNode payload,
    ObjectNode metadata) {

  /** Metadata keys only the server may set (reference §1.8); stripped from client metadata. */
  static final List<String> RESERVED_METADATA =
      List.of("verifiedAgentId", "verifiedAgentMethod", "verifiedOnBehalfOf");

  private static final Pattern CLIENT_ID = Pattern.compile("[0-9A-Za-z_\\-.:]+");

  /**
   * Reads and checks one event node; adds what is wrong to {@code problems}.
   *
   * @param node the event
   * @param path its path prefix, e.g. {@code events.3.}
   * @param problems collected problems
   * @return the fields (meaningful only when no problem was added)
   */
  static EventFields read(JsonNode node, String path, List<Problem> problems) {
    if (!node.isObject()) {
      problems.add(new Problem(trim(path), "must be an object"));
      return new EventFields(path, null, null, null, null, null, null, null, null);
    }
    String id = clientId(node.get("id"), path, problems);
    String sessionId = name(node.get("sessionId"), path + "sessionId", problems);
    String agentId = name(node.get("agentId"), path + "agentId", problems);
    EventType type = eventType(node.get("eventType"), path + "eventType", problems);
    Severity severity = severity(node.get("severity"), path + "severity", problems);
    Instant timestamp = timestamp(node.get("timestamp"), path + "timestamp", problems);
    ObjectNode payload = object(node.get("payload"), path + "payload", true, problems);
    ObjectNode metadata = object(node.get("metadata"), path + "metadata", false, problems);
    if (metadata != null) {
      RESERVED_METADATA.forEach(metadata::remove);
    }
    if (type != null && payload != null) {
      PayloadRules.RULES
          .getOrDefault(type, List.of())
          .forEach(r -> r.check(payload, path + "payload", problems));
      JsonNode usage = payload.get("usage");
      if (type == EventType.LLM_RESPONSE && usage != null && usage.isObject()) {
        PayloadRules.USAGE.forEach(r -> r.check(usage, path + "payload.usage", problems));
      }
    }
    return new EventFields(
        path, id, sessionId, agentId, type, severity, timestamp, payload, metadata);
  }

  private static String clientId(JsonNode v, String path, List<Problem> problems) {
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.isTextual() ? v.asText() : null;
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

  private static String name(JsonNode v, String at, List<Problem> problems) {
    if (v == null || v.isNull()) {
      problems.add(new Problem(at, "is required"));
      return null;
    }
    if (!v.isTextual() || v.asText().isEmpty()) {
      problems.add(new Problem(at, "must be a non-empty string"));
      return null;
    }
    if (v.asText().length() > IngestRequestParser.MAX_NAME_LENGTH) {
      problems.add(
          new Problem(
              at, "must be at most " + IngestRequestParser.MAX_NAME_LENGTH + " characters"));
      return null;
    }
    return v.asText();
  }

  private static EventType eventType(JsonNode v, String at, List<Problem> problems) {
    if (v == null || v.isNull()) {
      problems.add(new Problem(at, "is required"));
      return null;
    }
    EventType type = v.isTextual() ? EventType.fromWireName(v.asText()).orElse(null) : null;
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

  private static Severity severity(JsonNode v, String at, List<Problem> problems) {
    if (v == null || v.isNull()) {
      return null;
    }
    Severity s = v.isTextual() ? Severity.fromWireName(v.asText()).orElse(null) : null;
    if (s == null) {
      problems.add(new Problem(at, "must be one of [debug, info, warn, error, critical]"));
    }
    return s;
  }

  private static Instant timestamp(JsonNode v, String at, List<Problem> problems) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      try {
        return OffsetDateTime.parse(v.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        // fall through to the problem below
      }
    }
    problems.add(
        new Problem(
            at, "must be an RFC 3339 date-time with offset, e.g. 2025-01-01T00:00:00.000Z"));
    return null;
  }

  private static ObjectNode object(
      JsonNode v, String at, boolean required, List<Problem> problems) {
    if (v == null || v.isNull()) {
      if (required) {
        problems.add(new Problem(at, "is required"));
      }
      return null;
    }
    if (!v.isObject()) {
      problems.add(new Problem(at, "must be an object"));
      return null;
    }
    return (ObjectNode) v;
  }

  private static String trim(String path) {
    return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
  }
}
