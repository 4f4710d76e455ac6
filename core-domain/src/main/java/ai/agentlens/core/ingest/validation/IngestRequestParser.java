package ai.agentlens.core.ingest.validation;

import static ai.agentlens.core.ingest.validation.IngestValidationException.EMPTY_BODY;
import static ai.agentlens.core.ingest.validation.IngestValidationException.INVALID_JSON;
import static ai.agentlens.core.ingest.validation.IngestValidationException.VALIDATION_FAILED;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonSyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns an ingest request body into unwritten {@link Event}s, or explains what is wrong (reference
 * §1.2–§1.6, with the deliberate leniencies of docs/api.md: RFC 3339 offsets and JSON {@code null}
 * for optional fields are accepted; a client {@code id} is kept; what real SDK framework handlers
 * send is normalized by {@link Leniency} and noted under {@link #NORMALIZED_KEY}). All events are
 * validated before any is accepted: one bad event rejects the request.
 *
 * <p>The body is parsed once, strictly ({@link JsonReader}: no repeated member names, no number
 * outside double range); each event's payload and metadata travel on as {@link JsonDoc}s holding
 * that tree and its compact text, written once. Thread-safe when the id supplier is.
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

  /**
   * The metadata key under which an event records what ingest normalized (field path → what was
   * done), e.g. {@code {"payload.latencyMs":"copied from payload.durationMs"}}. Server-set only: a
   * client's value is removed. Absent when nothing was normalized.
   */
  public static final String NORMALIZED_KEY = "normalized";

  /** Longest accepted {@code sessionId}/{@code agentId}. */
  public static final int MAX_NAME_LENGTH = 256;

  /** Longest accepted client-supplied event {@code id}. */
  public static final int MAX_ID_LENGTH = 64;

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
   * @throws IngestValidationException when the body is empty, not JSON, not of the shape, or any
   *     event is invalid
   */
  public List<Event> parse(byte[] body, Shape shape, String orgId, Instant receivedAt) {
    Object root = readTree(body);
    List<Object> nodes = new ArrayList<>();
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
      throw new IngestValidationException(VALIDATION_FAILED, problems);
    }
    List<Event> events = new ArrayList<>(fields.size());
    for (EventFields f : fields) {
      events.add(toEvent(f, orgId, receivedAt, problems));
    }
    if (!problems.isEmpty()) {
      throw new IngestValidationException(VALIDATION_FAILED, problems);
    }
    return events;
  }

  private static Object readTree(byte[] body) {
    if (body == null || isBlank(body)) {
      throw new IngestValidationException(EMPTY_BODY, List.of());
    }
    try {
      return JsonReader.read(body);
    } catch (JsonSyntaxException e) {
      throw new IngestValidationException(INVALID_JSON, List.of(new Problem("", e.getMessage())));
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String envelope(Object root, Shape shape, List<Object> out) {
    if (!(root instanceof JsonObject body)) {
      throw new IngestValidationException(
          VALIDATION_FAILED, List.of(new Problem("", "body must be a JSON object")));
    }
    Object events = body.get("events");
    if (!body.containsKey("events") && shape.singleAllowed && body.containsKey("eventType")) {
      out.add(body);
      return "";
    }
    if (!(events instanceof JsonArray list)) {
      String expected =
          shape.singleAllowed ? "{\"events\":[…]} or a single event object" : "{\"events\":[…]}";
      throw new IngestValidationException(
          VALIDATION_FAILED, List.of(new Problem("events", "body must be " + expected)));
    }
    if (list.isEmpty() || list.size() > shape.maxEvents) {
      throw new IngestValidationException(
          VALIDATION_FAILED,
          List.of(
              new Problem(
                  "events",
                  "must hold 1 to " + shape.maxEvents + " events (got " + list.size() + ")")));
    }
    out.addAll(list);
    return "events.";
  }

  private Event toEvent(EventFields f, String orgId, Instant receivedAt, List<Problem> problems) {
    String id = f.id() != null ? f.id() : ids.get();
    Instant timestamp = f.timestamp() != null ? f.timestamp() : receivedAt;
    Severity severity = f.severity() != null ? f.severity() : Severity.INFO;
    JsonDoc payload = JsonDoc.of(f.payload());
    JsonObject meta = f.metadata();
    if (!f.normalized().isEmpty()) {
      meta =
          (meta == null ? JsonObject.EMPTY : meta)
              .with(NORMALIZED_KEY, JsonObject.of(f.normalized()));
    }
    JsonDoc metadata = meta != null ? JsonDoc.of(meta) : JsonDoc.EMPTY_OBJECT;
    int before = problems.size();
    StorableInput.text(payload, f.path() + "payload", problems);
    StorableInput.text(metadata, f.path() + "metadata", problems);
    StorableInput.metadataSize(metadata, f.path() + "metadata", problems);
    Event event =
        Event.unwritten(
            id,
            orgId,
            f.sessionId(),
            f.agentId(),
            f.eventType(),
            severity,
            timestamp,
            PayloadTruncation.apply(payload),
            metadata);
    if (problems.size() == before) {
      StorableInput.event(event, f.path(), problems);
    }
    return event;
  }

  /** Tells why a type may not be ingested; used in messages. */
  static String refusal(EventType type) {
    return "eventType '"
        + type.wireName()
        + "' is emitted by the server only and cannot be ingested";
  }
}
