package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One OpenTelemetry span as the mapper sees it: what the HTTP adapter decoded from an OTLP {@code
 * ExportTraceServiceRequest} (protobuf or JSON), with attribute values already turned into JSON
 * values ({@code AnyValue} string, bool, int, double, array, kvlist; bytes as base64 text).
 *
 * @param traceId 32 lowercase hex characters, or empty when the exporter sent none
 * @param spanId 16 lowercase hex characters, or empty when the exporter sent none
 * @param parentSpanId the parent's span id, or empty for a root span
 * @param name the span name
 * @param kind {@code INTERNAL}, {@code CLIENT}, {@code SERVER}, {@code PRODUCER}, {@code CONSUMER}
 *     or {@code UNSPECIFIED}
 * @param start start time, or {@code null} when the exporter sent 0
 * @param end end time, or {@code null} when the exporter sent 0
 * @param status the status code
 * @param statusMessage the status description, or empty
 * @param attributes the span's attributes, in the order sent (a repeated key keeps its last value)
 * @param events the span's events
 * @param resource the attributes of the span's resource (e.g. {@code service.name})
 * @param scopeName the instrumentation scope's name, or empty
 * @param scopeVersion the instrumentation scope's version, or empty
 */
public record OtlpSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    Instant start,
    Instant end,
    Status status,
    String statusMessage,
    JsonObject attributes,
    List<SpanEvent> events,
    JsonObject resource,
    String scopeName,
    String scopeVersion) {

  /** Normalizes absent texts to empty ones and copies the event list. */
  public OtlpSpan {
    traceId = Objects.requireNonNullElse(traceId, "");
    spanId = Objects.requireNonNullElse(spanId, "");
    parentSpanId = Objects.requireNonNullElse(parentSpanId, "");
    name = Objects.requireNonNullElse(name, "");
    kind = Objects.requireNonNullElse(kind, "UNSPECIFIED");
    status = Objects.requireNonNullElse(status, Status.UNSET);
    statusMessage = Objects.requireNonNullElse(statusMessage, "");
    attributes = Objects.requireNonNullElse(attributes, JsonObject.EMPTY);
    events = events == null ? List.of() : List.copyOf(events);
    resource = Objects.requireNonNullElse(resource, JsonObject.EMPTY);
    scopeName = Objects.requireNonNullElse(scopeName, "");
    scopeVersion = Objects.requireNonNullElse(scopeVersion, "");
  }

  /** The span status codes of OTLP. */
  public enum Status {
    /** No status set. */
    UNSET,
    /** Explicitly successful. */
    OK,
    /** Failed. */
    ERROR
  }

  /**
   * A span event (for example {@code exception}, {@code gen_ai.client.inference.operation.details}
   * or the deprecated per-message events such as {@code gen_ai.user.message}).
   *
   * @param name the event name
   * @param time when it happened, or {@code null}
   * @param attributes its attributes
   */
  public record SpanEvent(String name, Instant time, JsonObject attributes) {

    /** Normalizes absent values. */
    public SpanEvent {
      name = Objects.requireNonNullElse(name, "");
      attributes = Objects.requireNonNullElse(attributes, JsonObject.EMPTY);
    }
  }
}
