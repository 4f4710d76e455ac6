package ai.agentlens.web.otlp;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.ingest.AcceptEvents;
import ai.agentlens.core.ingest.IngestRefusedException;
import ai.agentlens.core.otlp.MappedSpans;
import ai.agentlens.core.otlp.SpanMapper;
import ai.agentlens.core.port.Clock;
import ai.agentlens.web.auth.ApiKeyAuth;
import ai.agentlens.web.auth.UnauthorizedException;
import com.google.protobuf.InvalidProtocolBufferException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * OTLP/HTTP traces ({@code POST /v1/traces}, docs/otel.md): protobuf or JSON, optionally gzip,
 * authenticated by an API key in {@code Authorization: Bearer} or {@code x-api-key}. The spans are
 * inflated by the server when gzip, decoded with the official OTLP classes, mapped by the domain's
 * {@link SpanMapper} and accepted through the same {@link AcceptEvents} as {@code /api/events}
 * (rate limits, quota, backpressure, one envelope). Success is {@code 200} with an {@code
 * ExportTraceServiceResponse} once the events are durable in the queue; spans that could not be
 * mapped are reported as {@code partial_success}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class OtlpController {

  /** Most spans one request may carry (the OpenTelemetry SDKs send at most 512 by default). */
  static final int MAX_SPANS = 10_000;

  private final ApiKeyAuth auth;
  private final SpanMapper mapper;
  private final AcceptEvents accept;
  private final Clock clock;

  OtlpController(ApiKeyAuth auth, SpanMapper mapper, AcceptEvents accept, Clock clock) {
    this.auth = auth;
    this.mapper = mapper;
    this.accept = accept;
    this.clock = clock;
  }

  @Post("/v1/traces")
  @Consumes(MediaType.ALL)
  CompletableFuture<MutableHttpResponse<?>> traces(
      HttpRequest<?> request, @Nullable @Body byte[] body) {
    OtlpFormat format = OtlpFormat.of(request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
    if (format == null) {
      return done(
          OtlpResponses.error(
              OtlpFormat.JSON, 415, "Send application/x-protobuf or application/json", 0));
    }
    ApiKeyPrincipal key;
    try {
      key = auth.requireBearerOrApiKey(request);
    } catch (UnauthorizedException e) {
      return done(OtlpResponses.error(format, 401, e.getMessage(), 0));
    }
    Instant receivedAt = clock.now();
    try {
      accept.admit();
    } catch (IngestRefusedException e) {
      return done(OtlpResponses.refused(format, e));
    }
    // why: the server inflates gzip bodies itself (bounded by the body limit: 413); a body it
    // could not inflate arrives as no body at all, like an empty one, which no exporter sends
    if (body == null || body.length == 0) {
      return done(
          OtlpResponses.error(
              format, 400, "Empty or undecodable body: send an ExportTraceServiceRequest", 0));
    }
    ExportTraceServiceRequest decoded;
    try {
      decoded = format.decode(body);
    } catch (InvalidProtocolBufferException e) {
      return done(
          OtlpResponses.error(
              format,
              400,
              "Malformed OTLP " + format.name().toLowerCase(java.util.Locale.ROOT) + " body",
              0));
    }
    int spans = ProtoSpans.count(decoded);
    if (spans > MAX_SPANS) {
      return done(
          OtlpResponses.error(
              format, 400, "At most " + MAX_SPANS + " spans per request (got " + spans + ")", 0));
    }
    MappedSpans mapped =
        mapper.map(ProtoSpans.of(decoded, format == OtlpFormat.JSON), key.orgId(), receivedAt);
    if (mapped.events().isEmpty()) {
      return done(OtlpResponses.success(format, mapped.rejectedSpans(), mapped.message()));
    }
    try {
      return accept
          .accept(key, mapped.events(), receivedAt)
          .<MutableHttpResponse<?>>thenApply(
              ids -> OtlpResponses.success(format, mapped.rejectedSpans(), mapped.message()))
          .exceptionally(failure -> failed(format, failure));
    } catch (IngestRefusedException e) {
      return done(OtlpResponses.refused(format, e));
    }
  }

  private static MutableHttpResponse<?> failed(OtlpFormat format, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof IngestRefusedException e) {
      return OtlpResponses.refused(format, e);
    }
    return OtlpResponses.error(format, 503, "Spans could not be stored; retry", 2);
  }

  private static CompletableFuture<MutableHttpResponse<?>> done(MutableHttpResponse<?> r) {
    return CompletableFuture.completedFuture(r);
  }
}
