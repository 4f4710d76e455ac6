package ai.agentlens.core.otlp;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.ingest.validation.PayloadTruncation;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps OpenTelemetry spans to AgentLens events (docs/otel.md has the table): GenAI inference spans
 * ({@code gen_ai.operation.name} chat, text_completion, generate_content; OpenInference kind {@code
 * LLM}) become an {@code llm_call} at the span's start and an {@code llm_response} at its end; tool
 * spans ({@code execute_tool}, OpenInference {@code TOOL}) a {@code tool_call} and a {@code
 * tool_response} or {@code tool_error}; every other span one {@code custom} event of type {@code
 * otel.span}. A failed span (status ERROR) gives severity {@code error}. Every attribute and span
 * event no rule maps is kept in the event's {@code metadata.otel}, with the trace and span ids, the
 * resource and the scope.
 *
 * <p>Event ids derive from the trace and span ids, so an exporter's retry of the same spans stores
 * nothing twice. A span without a valid trace or span id, or whose content holds U+0000, is refused
 * and counted (OTLP partial success). Pure and thread-safe.
 */
public final class SpanMapper {

  /** The metadata limit of storage, less room for what the worker adds. */
  static final int MAX_METADATA_BYTES = 60 * 1024;

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

  /**
   * Maps the spans of one request.
   *
   * @param spans the spans, in request order
   * @param orgId the org of the authenticated key
   * @param receivedAt when the request arrived; the time of events whose span has none
   * @return the events and the refused spans
   */
  public MappedSpans map(List<OtlpSpan> spans, String orgId, Instant receivedAt) {
    SpanIdentity identity = new SpanIdentity(spans);
    List<Event> events = new ArrayList<>(spans.size() * 2);
    long rejected = 0;
    String message = "";
    for (OtlpSpan span : spans) {
      String problem = problem(span);
      List<Event> mapped = List.of();
      if (problem == null) {
        mapped = map(span, identity, orgId, receivedAt);
        if (mapped.stream()
            .anyMatch(e -> e.payload().containsNul() || e.metadata().containsNul())) {
          problem = "span " + span.spanId() + ": contains the NUL character U+0000";
        }
      }
      if (problem != null) {
        rejected++;
        message = message.isEmpty() ? problem : message;
      } else {
        events.addAll(mapped);
      }
    }
    return new MappedSpans(events, rejected, message);
  }

  private static String problem(OtlpSpan span) {
    if (!TRACE_ID.matcher(span.traceId()).matches() || span.traceId().matches("0+")) {
      return "a span has an invalid trace id (16 bytes, not all zero, required)";
    }
    if (!SPAN_ID.matcher(span.spanId()).matches() || span.spanId().matches("0+")) {
      return "a span has an invalid span id (8 bytes, not all zero, required)";
    }
    return null;
  }

  private List<Event> map(OtlpSpan span, SpanIdentity identity, String orgId, Instant now) {
    SpanAttributes a = new SpanAttributes(span.attributes());
    SpanEvents spanEvents = new SpanEvents(span.events());
    String session = identity.session(span, a);
    String agent = identity.agent(span, a);
    String operation = a.text("gen_ai.operation.name");
    String oiKind = a.text("openinference.span.kind");
    String kind = oiKind == null ? "" : oiKind.toUpperCase(Locale.ROOT);
    Instant start = span.start() != null ? span.start() : span.end() != null ? span.end() : now;
    Instant end = span.end() != null ? span.end() : start;
    Severity severity = span.status() == OtlpSpan.Status.ERROR ? Severity.ERROR : Severity.INFO;
    String base = span.traceId() + "-" + span.spanId();
    List<Event> out = new ArrayList<>(2);
    EventFactory f = new EventFactory(orgId, session, agent);
    if (LlmSpans.isInference(operation) || (operation == null && kind.equals("LLM"))) {
      LlmSpans.Pair p = LlmSpans.map(span, a, spanEvents, span.spanId());
      JsonDoc meta = metadata(span, operation, oiKind, a, spanEvents);
      out.add(f.event(base + "-c", EventType.LLM_CALL, Severity.INFO, start, llm(p.call()), meta));
      out.add(f.event(base + "-r", EventType.LLM_RESPONSE, severity, end, llm(p.response()), meta));
    } else if ("execute_tool".equals(operation) || (operation == null && kind.equals("TOOL"))) {
      ToolSpans.Pair p = ToolSpans.map(span, a, spanEvents);
      JsonDoc meta = metadata(span, operation, oiKind, a, spanEvents);
      out.add(f.event(base + "-c", EventType.TOOL_CALL, Severity.INFO, start, doc(p.call()), meta));
      out.add(f.event(base + "-r", p.outcomeType(), severity, end, doc(p.outcome()), meta));
    } else {
      JsonDoc meta = metadata(span, operation, oiKind, a, spanEvents);
      out.add(f.event(base, EventType.CUSTOM, severity, start, doc(custom(span, operation)), meta));
    }
    return out;
  }

  private static JsonDoc llm(JsonObject payload) {
    return doc(ContentBudget.fit(payload, PayloadTruncation.MAX_PAYLOAD_BYTES));
  }

  private static JsonDoc doc(JsonObject payload) {
    return PayloadTruncation.apply(JsonDoc.of(payload));
  }

  private static JsonObject custom(OtlpSpan span, String operation) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", span.name());
    data.put("kind", span.kind());
    if (operation != null) {
      data.put("operation", operation);
    }
    if (span.start() != null) {
      data.put("startTime", span.start().toString());
    }
    if (span.end() != null) {
      data.put("endTime", span.end().toString());
    }
    data.put("durationMs", JsonNumber.of(durationMs(span)));
    data.put("status", span.status().name());
    if (!span.statusMessage().isEmpty()) {
      data.put("statusMessage", span.statusMessage());
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "otel.span");
    payload.put("data", JsonObject.of(data));
    return JsonObject.of(payload);
  }

  private static JsonDoc metadata(
      OtlpSpan span, String operation, String oiKind, SpanAttributes a, SpanEvents events) {
    return SpanMetadata.of(span, operation, oiKind, a.rest(), events.rest(), MAX_METADATA_BYTES);
  }

  /** The span's duration in whole milliseconds, 0 when a time is missing or they are reversed. */
  static long durationMs(OtlpSpan span) {
    if (span.start() == null || span.end() == null || span.end().isBefore(span.start())) {
      return 0;
    }
    return Duration.between(span.start(), span.end()).toMillis();
  }

  /** The error of a failed span: its status message, else its exception event's message. */
  static String errorMessage(OtlpSpan span) {
    if (!span.statusMessage().isBlank()) {
      return span.statusMessage();
    }
    for (OtlpSpan.SpanEvent e : span.events()) {
      if (e.name().equals("exception")
          && e.attributes().get("exception.message") instanceof String m) {
        return m;
      }
    }
    return "error";
  }

  private record EventFactory(String orgId, String session, String agent) {
    Event event(
        String id, EventType type, Severity severity, Instant at, JsonDoc payload, JsonDoc meta) {
      return Event.unwritten(id, orgId, session, agent, type, severity, at, payload, meta);
    }
  }
}
