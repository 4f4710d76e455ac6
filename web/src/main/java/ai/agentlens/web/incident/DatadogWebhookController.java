package ai.agentlens.web.incident;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.incident.DatadogWebhook;
import ai.agentlens.web.error.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /webhooks/datadog}: no session or key; the org header and the HMAC signature headers
 * are the authentication ({@link DatadogWebhook}). 200 {@code {"received":true,"outcome":…}}; 401
 * for an unknown org or a bad signature, 401 for a stale timestamp or a replayed signature (each
 * with its own message), 400 for an authentic body that is not the expected JSON.
 */
@Controller("/webhooks/datadog")
// why: Datadog's callback, not part of the API (the API docs list /api and /v1 only)
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class DatadogWebhookController {

  private final DatadogWebhook webhook;

  DatadogWebhookController(DatadogWebhook webhook) {
    this.webhook = webhook;
  }

  @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> receive(
      @Nullable @Body byte[] body,
      @Nullable @Header("X-AgentLens-Org") String org,
      @Nullable @Header("X-AgentLens-Timestamp") String timestamp,
      @Nullable @Header("X-AgentLens-Signature") String signature) {
    DatadogWebhook.Outcome o;
    try {
      o = webhook.receive(org, timestamp, signature, body == null ? new byte[0] : body);
    } catch (InvalidInputException e) {
      return HttpResponse.<ErrorBody>status(HttpStatus.BAD_REQUEST)
          .body(ErrorBody.of(e.getMessage(), 400));
    }
    return switch (o) {
      case UNAUTHORIZED -> refused("Unknown org or invalid signature");
      case STALE -> refused("Timestamp missing or outside the 5-minute window");
      case REPLAYED -> refused("Signature already used");
      default ->
          HttpResponse.ok(Map.of("received", true, "outcome", o.name().toLowerCase(Locale.ROOT)));
    };
  }

  private static MutableHttpResponse<?> refused(String message) {
    return HttpResponse.<ErrorBody>status(HttpStatus.UNAUTHORIZED).body(ErrorBody.of(message, 401));
  }
}
