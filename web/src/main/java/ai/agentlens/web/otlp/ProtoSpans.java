package ai.agentlens.web.otlp;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.otlp.OtlpSpan;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decoded OTLP trace request into the domain's {@link OtlpSpan}s: ids as lowercase hex,
 * times as instants, attribute values as JSON values (bytes as base64 text, non-finite doubles as
 * text).
 */
final class ProtoSpans {

  private static final HexFormat HEX = HexFormat.of();

  private ProtoSpans() {}

  static int count(ExportTraceServiceRequest request) {
    int n = 0;
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        n += ss.getSpansCount();
      }
    }
    return n;
  }

  static List<OtlpSpan> of(ExportTraceServiceRequest request, boolean idsFromJson) {
    List<OtlpSpan> out = new ArrayList<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      JsonObject resource = attributes(rs.getResource().getAttributesList());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        String scope = ss.getScope().getName();
        String version = ss.getScope().getVersion();
        for (Span s : ss.getSpansList()) {
          out.add(span(s, resource, scope, version, idsFromJson));
        }
      }
    }
    return out;
  }

  private static OtlpSpan span(
      Span s, JsonObject resource, String scope, String version, boolean idsFromJson) {
    List<OtlpSpan.SpanEvent> events = new ArrayList<>(s.getEventsCount());
    for (Span.Event e : s.getEventsList()) {
      events.add(
          new OtlpSpan.SpanEvent(
              e.getName(), time(e.getTimeUnixNano()), attributes(e.getAttributesList())));
    }
    return new OtlpSpan(
        id(s.getTraceId(), 16, idsFromJson),
        id(s.getSpanId(), 8, idsFromJson),
        id(s.getParentSpanId(), 8, idsFromJson),
        s.getName(),
        s.getKind().name().startsWith("SPAN_KIND_")
            ? s.getKind().name().substring(10)
            : "UNSPECIFIED",
        time(s.getStartTimeUnixNano()),
        time(s.getEndTimeUnixNano()),
        status(s.getStatus()),
        s.getStatus().getMessage(),
        attributes(s.getAttributesList()),
        events,
        resource,
        scope,
        version);
  }

  /**
   * An id as lowercase hex. OTLP/JSON writes ids as hex while protobuf's JSON mapping reads bytes
   * as base64, so a JSON id arrives as the base64 decoding of its hex text ({@code 1.5×} the id's
   * length); encoding those bytes as base64 again gives the hex text back exactly.
   */
  static String id(ByteString bytes, int length, boolean fromJson) {
    if (bytes.isEmpty()) {
      return "";
    }
    byte[] raw = bytes.toByteArray();
    if (fromJson && raw.length == length * 3 / 2) {
      // why: the OTLP/JSON rule (hex ids) differs from protobuf's JSON mapping (base64 bytes)
      return Base64.getEncoder().encodeToString(raw).toLowerCase(java.util.Locale.ROOT);
    }
    return HEX.formatHex(raw);
  }

  private static Instant time(long unixNanos) {
    // why: fixed64 is unsigned; 0 means "not set", and past 2262 the value wraps negative
    if (unixNanos <= 0) {
      return null;
    }
    return Instant.ofEpochSecond(0, unixNanos);
  }

  private static OtlpSpan.Status status(Status status) {
    return switch (status.getCode()) {
      case STATUS_CODE_ERROR -> OtlpSpan.Status.ERROR;
      case STATUS_CODE_OK -> OtlpSpan.Status.OK;
      default -> OtlpSpan.Status.UNSET;
    };
  }

  static JsonObject attributes(List<KeyValue> list) {
    if (list.isEmpty()) {
      return JsonObject.EMPTY;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : list) {
      out.put(kv.getKey(), value(kv.getValue()));
    }
    return JsonObject.of(out);
  }

  private static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> JsonNumber.of(v.getIntValue());
      case DOUBLE_VALUE ->
          Double.isFinite(v.getDoubleValue())
              ? JsonNumber.of(BigDecimal.valueOf(v.getDoubleValue()))
              : Double.toString(v.getDoubleValue());
      case ARRAY_VALUE -> {
        List<Object> items = new ArrayList<>(v.getArrayValue().getValuesCount());
        v.getArrayValue().getValuesList().forEach(item -> items.add(value(item)));
        yield JsonArray.of(items);
      }
      case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
      default -> null;
    };
  }
}
