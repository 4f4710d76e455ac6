package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata of a mapped span's events: {@code {"source":"otlp","otel":{traceId, spanId,
 * parentSpanId?, name, kind, operation?, openinferenceKind?, status?, statusMessage?, scope?,
 * resource, attributes, events}}} where {@code attributes} and {@code events} are what no mapping
 * rule took. When that exceeds the metadata limit, the largest parts (attributes, events, resource)
 * are replaced one by one by {@code {"_truncated":true,"originalSize":n}} until it fits.
 */
final class SpanMetadata {

  private SpanMetadata() {}

  static JsonDoc of(
      OtlpSpan span,
      String operation,
      String oiKind,
      JsonObject attributes,
      JsonArray events,
      int maxBytes) {
    Map<String, Object> otel = new LinkedHashMap<>();
    otel.put("traceId", span.traceId());
    otel.put("spanId", span.spanId());
    if (!span.parentSpanId().isEmpty()) {
      otel.put("parentSpanId", span.parentSpanId());
    }
    otel.put("name", span.name());
    otel.put("kind", span.kind());
    if (operation != null) {
      otel.put("operation", operation);
    }
    if (oiKind != null) {
      otel.put("openinferenceKind", oiKind);
    }
    if (span.status() != OtlpSpan.Status.UNSET) {
      otel.put("status", span.status().name());
    }
    if (!span.statusMessage().isEmpty()) {
      otel.put("statusMessage", span.statusMessage());
    }
    if (!span.scopeName().isEmpty()) {
      otel.put(
          "scope", JsonObject.of(Map.of("name", span.scopeName(), "version", span.scopeVersion())));
    }
    otel.put("resource", span.resource());
    otel.put("attributes", attributes);
    otel.put("events", events);
    JsonDoc doc = wrap(otel);
    for (String part : new String[] {"attributes", "events", "resource"}) {
      if (doc.utf8Length() <= maxBytes) {
        break;
      }
      int size = JsonDoc.of(JsonObject.of(Map.of("x", otel.get(part)))).utf8Length();
      otel.put(
          part, JsonObject.of(Map.of("_truncated", true, "originalSize", JsonNumber.of(size))));
      doc = wrap(otel);
    }
    return doc;
  }

  private static JsonDoc wrap(Map<String, Object> otel) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("source", "otlp");
    meta.put("otel", JsonObject.of(otel));
    return JsonDoc.of(JsonObject.of(meta));
  }
}
