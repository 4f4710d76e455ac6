package ai.agentlens.web.otlp;

import ai.agentlens.core.ingest.IngestRefusedException;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OTLP/HTTP responses in the request's encoding: success is 200 with an {@code
 * ExportTraceServiceResponse} (with {@code partial_success} when spans were refused); a failure
 * carries a {@code google.rpc.Status} — for JSON, an object that is at once the project's error
 * envelope ({@code error}, {@code status}) and a Status ({@code code}, {@code message}).
 */
final class OtlpResponses {

  private OtlpResponses() {}

  static MutableHttpResponse<?> success(OtlpFormat format, long rejected, String message) {
    ExportTraceServiceResponse.Builder r = ExportTraceServiceResponse.newBuilder();
    if (rejected > 0) {
      r.setPartialSuccess(
          ExportTracePartialSuccess.newBuilder()
              .setRejectedSpans(rejected)
              .setErrorMessage(message));
    }
    return HttpResponse.ok(format.encode(r.build())).contentType(format.contentType);
  }

  static MutableHttpResponse<?> error(
      OtlpFormat format, int httpStatus, String message, long retryAfterSeconds) {
    int code = grpcCode(httpStatus);
    byte[] body;
    if (format == OtlpFormat.PROTOBUF) {
      body = OtlpFormat.status(code, message);
    } else {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("error", message);
      json.put("status", ai.agentlens.core.json.JsonNumber.of(httpStatus));
      json.put("code", ai.agentlens.core.json.JsonNumber.of(code));
      json.put("message", message);
      body =
          JsonWriter.write(JsonObject.of(json)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    MutableHttpResponse<byte[]> response =
        HttpResponse.<byte[]>status(HttpStatus.valueOf(httpStatus))
            .body(body)
            .contentType(format.contentType);
    if (retryAfterSeconds > 0) {
      response.header("Retry-After", Long.toString(retryAfterSeconds));
    }
    if (httpStatus == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    return response;
  }

  static MutableHttpResponse<?> refused(OtlpFormat format, IngestRefusedException e) {
    int status =
        switch (e.reason()) {
          case RATE_LIMITED -> 429;
          case QUOTA_EXCEEDED -> 402;
          case OVERLOADED -> 503;
          case UNKNOWN_ORG -> 401;
          case REJECTED -> 400;
          case BLOCKED -> 403;
        };
    return error(format, status, e.getMessage(), e.retryAfterSeconds());
  }

  /** The gRPC status code OTLP pairs with an HTTP status. */
  private static int grpcCode(int httpStatus) {
    return switch (httpStatus) {
      case 400, 413, 415 -> 3; // INVALID_ARGUMENT
      case 401 -> 16; // UNAUTHENTICATED
      case 403 -> 7; // PERMISSION_DENIED
      case 402 -> 8; // RESOURCE_EXHAUSTED (quota)
      case 429 -> 8; // RESOURCE_EXHAUSTED
      case 503 -> 14; // UNAVAILABLE
      default -> 13; // INTERNAL
    };
  }
}
