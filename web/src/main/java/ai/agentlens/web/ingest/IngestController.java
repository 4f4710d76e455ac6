package ai.agentlens.web.ingest;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.ingest.AcceptEvents;
import ai.agentlens.core.ingest.IngestRefusedException;
import ai.agentlens.core.ingest.validation.IngestRequestParser;
import ai.agentlens.core.ingest.validation.IngestValidationException;
import ai.agentlens.core.port.Clock;
import ai.agentlens.web.auth.ApiKeyAuth;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The AgentLens-compatible ingest endpoints (FR-23..FR-35): authenticate, parse and validate (the
 * domain's {@link IngestRequestParser}; its problems become the 400's {@code details}), then hand
 * to {@link AcceptEvents}. Success is {@code 202 {"accepted":N,"events":[{"id"}]}} once the events
 * are durable in the queue; refusals carry the reference's error envelope and, for 429 and 503,
 * {@code Retry-After}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class IngestController {

  private final ApiKeyAuth auth;
  private final IngestRequestParser parser;
  private final AcceptEvents accept;
  private final Clock clock;

  IngestController(ApiKeyAuth auth, IngestRequestParser parser, AcceptEvents accept, Clock clock) {
    this.auth = auth;
    this.parser = parser;
    this.accept = accept;
    this.clock = clock;
  }

  /**
   * One id of an accepted event.
   *
   * @param id the event id (server-minted ULID or the client's)
   */
  @Serdeable
  public record AcceptedId(String id) {}

  /**
   * The 202 body.
   *
   * @param accepted number of events accepted
   * @param events their ids, in request order
   */
  @Serdeable
  public record Accepted(int accepted, List<AcceptedId> events) {}

  @Post("/api/events")
  @Consumes(MediaType.ALL)
  CompletableFuture<MutableHttpResponse<?>> apiEvents(HttpRequest<?> request, @Body byte[] body) {
    return ingest(request, body, IngestRequestParser.Shape.EVENTS);
  }

  @Post("/v1/events")
  @Consumes(MediaType.ALL)
  CompletableFuture<MutableHttpResponse<?>> v1Events(HttpRequest<?> request, @Body byte[] body) {
    return ingest(request, body, IngestRequestParser.Shape.EVENTS);
  }

  @Post("/v1/events/batch")
  @Consumes(MediaType.ALL)
  CompletableFuture<MutableHttpResponse<?>> v1Batch(HttpRequest<?> request, @Body byte[] body) {
    return ingest(request, body, IngestRequestParser.Shape.BATCH);
  }

  private CompletableFuture<MutableHttpResponse<?>> ingest(
      HttpRequest<?> request, byte[] body, IngestRequestParser.Shape shape) {
    ApiKeyPrincipal key = auth.require(request);
    Instant receivedAt = clock.now();
    try {
      accept.admit();
    } catch (IngestRefusedException e) {
      return CompletableFuture.completedFuture(refusal(e));
    }
    List<Event> events;
    try {
      events = parser.parse(body, shape, key.orgId(), receivedAt);
    } catch (IngestValidationException e) {
      throw new BadRequestException(
          e.getMessage(),
          e.problems().stream().map(p -> new Problem(p.path(), p.message())).toList());
    }
    try {
      return accept
          .accept(key, events, receivedAt)
          .<MutableHttpResponse<?>>thenApply(
              ids ->
                  HttpResponse.status(HttpStatus.ACCEPTED)
                      .body(new Accepted(ids.size(), ids.stream().map(AcceptedId::new).toList())))
          .exceptionally(IngestController::refused);
    } catch (IngestRefusedException e) {
      return CompletableFuture.completedFuture(refusal(e));
    }
  }

  private static MutableHttpResponse<?> refused(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof IngestRefusedException e) {
      return refusal(e);
    }
    return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "2")
        .body(ErrorBody.of("Events could not be stored; retry", 503));
  }

  /**
   * Maps a refusal to its response: 429 and 503 with {@code Retry-After}; 402, 401 and 400 without.
   *
   * @param e the refusal
   * @return the response
   */
  static MutableHttpResponse<?> refusal(IngestRefusedException e) {
    int status =
        switch (e.reason()) {
          case RATE_LIMITED -> 429;
          case QUOTA_EXCEEDED -> 402;
          case OVERLOADED -> 503;
          case UNKNOWN_ORG -> 401;
          case REJECTED -> 400;
          case BLOCKED -> 403;
        };
    MutableHttpResponse<ErrorBody> response =
        HttpResponse.<ErrorBody>status(HttpStatus.valueOf(status))
            .body(ErrorBody.of(e.getMessage(), status));
    if (e.retryAfterSeconds() > 0) {
      response.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    return response;
  }
}
