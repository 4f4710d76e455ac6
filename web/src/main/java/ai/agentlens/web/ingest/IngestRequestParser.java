package ai.agentlens.web.ingest;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns an ingest request body into unwritten {@link Event}s, or explains in a 400 what is wrong
 * (reference §1.2–§1.6, with DESIGN.md's deliberate leniencies: RFC 3339 offsets and JSON {@code
 * null} for optional fields are accepted; a client {@code id} is kept). All events are validated
 * before any is accepted: one bad event rejects the request.
 */
public final class IngestRequestParser {

  /** Which endpoint's body rules apply. */
  public enum Shape {
    /** {@code POST /api/events}, {@code /v1/events}: {@code {"events":[1..1000]}} or one event. */
    EVENTS(1000, true),
    /** {@code POST /v1/events/batch}: {@code {"events":[1..100]}}. */
    BATCH(100, false);

    final int maxEvents;
    final boolean singleAllowed;

    Shape(int maxEvents, boolean singleAllowed) {
      this.maxEvents = maxEvents;
      this.singleAllowed = singleAllowed;
    }
  }

  /** Longest accepted {@code sessionId}/{@code agentId}. */
  public static final int MAX_NAME_LENGTH = 256;

  /** Longest accepted client-supplied event {@code id}. */
  public static final int MAX_ID_LENGTH = 64;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final Supplier<String> ids;

  /**
   * Creates a parser.
   *
   * @param ids mints event ids (monotonic ULIDs in production)
   */
  public IngestRequestParser(Supplier<String> ids) {
    this.ids = ids;
  }

  /**
   * Parses and validates a request body.
   *
   * @param body the raw body (at most 1 MiB; the server refuses larger ones first)
   * @param shape the endpoint's rules
   * @param orgId the org of the authenticated key
   * @param receivedAt when the request arrived; the timestamp of events that have none
   * @return the events in request order
   * @throws BadRequestException when the body is not JSON, not of the shape, or any event is
   *     invalid
   */
  public List<Event> parse(byte[] body, Shape shape, String orgId, Instant receivedAt) {
    JsonNode root = readTree(body);
    List<JsonNode> nodes = new ArrayList<>();
    String prefix = envelope(root, shape, nodes);
    List<Problem> problems = new ArrayList<>();
    List<EventFields> fields = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      String path = prefix.isEmpty() ? "" : prefix + i + ".";
      fields.add(EventFields.read(nodes.get(i), path, problems));
    }
    if (problems.isEmpty()) {
      LlmPairing.complete(fields, problems);
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("Validation failed", problems);
    }
    List<Event> events = new ArrayList<>(fields.size());
    for (EventFields f : fields) {
      events.add(toEvent(f, orgId, receivedAt));
    }
    return events;
  }

  private static JsonNode readTree(byte[] body) {
    if (body == null || body.length == 0) {
      throw new BadRequestException("Request body is empty", List.of());
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new BadRequestException("Request body is empty", List.of());
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          "Invalid JSON body", List.of(new Problem("", e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String envelope(JsonNode root, Shape shape, List<JsonNode> out) {
    if (!root.isObject()) {
      throw new BadRequestException(
          "Validation failed", List.of(new Problem("", "body must be a JSON object")));
    }
    JsonNode events = root.get("events");
    if (events == null && shape.singleAllowed && root.has("eventType")) {
      out.add(root);
      return "";
    }
    if (events == null || !events.isArray()) {
      String expected =
          shape.singleAllowed ? "{\"events\":[…]} or a single event object" : "{\"events\":[…]}";
      throw new BadRequestException(
          "Validation failed", List.of(new Problem("events", "body must be " + expected)));
    }
    if (events.isEmpty() || events.size() > shape.maxEvents) {
      throw new BadRequestException(
          "Validation failed",
          List.of(
              new Problem(
                  "events",
                  "must hold 1 to " + shape.maxEvents + " events (got " + events.size() + ")")));
    }
    events.forEach(out::add);
    return "events.";
  }

  private Event toEvent(EventFields f, String orgId, Instant receivedAt) {
    String id = f.id() != null ? f.id() : ids.get();
    Instant timestamp = f.timestamp() != null ? f.timestamp() : receivedAt;
    Severity severity = f.severity() != null ? f.severity() : Severity.INFO;
    String payload = PayloadTruncation.apply(write(f.payload()));
    String metadata =
        write(f.metadata() != null ? f.metadata() : JsonNodeFactory.instance.objectNode());
    return Event.unwritten(
        id,
        orgId,
        f.sessionId(),
        f.agentId(),
        f.eventType(),
        severity,
        timestamp,
        payload,
        metadata);
  }

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a parsed JSON tree", e);
    }
  }

  /** Reports whether a type may be ingested; used in messages. */
  static String refusal(EventType type) {
    return "eventType '"
        + type.wireName()
        + "' is emitted by the server only and cannot be ingested";
  }
}
