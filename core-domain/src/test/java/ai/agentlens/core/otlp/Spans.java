package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link OtlpSpan}s for the mapper tests. */
final class Spans {

  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
  static final Instant END = START.plusMillis(1250);

  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private final List<OtlpSpan.SpanEvent> events = new ArrayList<>();
  private final Map<String, Object> resource = new LinkedHashMap<>();
  private String spanId = "b7ad6b7169203331";
  private String parent = "";
  private String name = "chat gpt-4o";
  private OtlpSpan.Status status = OtlpSpan.Status.UNSET;
  private String statusMessage = "";
  private String traceId = TRACE;

  static Spans span() {
    return new Spans();
  }

  Spans id(String id) {
    this.spanId = id;
    return this;
  }

  Spans trace(String id) {
    this.traceId = id;
    return this;
  }

  Spans parent(String id) {
    this.parent = id;
    return this;
  }

  Spans name(String n) {
    this.name = n;
    return this;
  }

  Spans error(String message) {
    this.status = OtlpSpan.Status.ERROR;
    this.statusMessage = message;
    return this;
  }

  Spans attr(String key, Object value) {
    attributes.put(key, json(value));
    return this;
  }

  Spans resource(String key, Object value) {
    resource.put(key, json(value));
    return this;
  }

  Spans event(String eventName, Object... keyValues) {
    Map<String, Object> a = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      a.put((String) keyValues[i], json(keyValues[i + 1]));
    }
    events.add(new OtlpSpan.SpanEvent(eventName, START, JsonObject.of(a)));
    return this;
  }

  OtlpSpan build() {
    return new OtlpSpan(
        traceId,
        spanId,
        parent,
        name,
        "CLIENT",
        START,
        END,
        status,
        statusMessage,
        JsonObject.of(attributes),
        events,
        JsonObject.of(resource),
        "test-scope",
        "1.0");
  }

  static Object json(Object v) {
    if (v instanceof Integer i) {
      return JsonNumber.of(i);
    }
    if (v instanceof Long l) {
      return JsonNumber.of(l);
    }
    if (v instanceof Double d) {
      return JsonNumber.of(java.math.BigDecimal.valueOf(d));
    }
    if (v instanceof List<?> l) {
      return JsonArray.of(l.stream().map(Spans::json).toList());
    }
    return v;
  }
}
