package ai.agentlens.web.billing;

import ai.agentlens.core.billing.BillingWebhooks;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.web.error.ErrorBody;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
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
import java.util.Map;

/**
 * {@code POST /webhooks/stripe}: no session or key; the {@code Stripe-Signature} header is the
 * authentication. 200 {@code {"received":true,"outcome":…}} once handled (or a duplicate); 400 when
 * the signature, timestamp or payload does not verify; 503 when billing is not configured or Stripe
 * could not be read (Stripe retries).
 */
@Controller("/webhooks/stripe")
// why: Stripe's callback, not part of the API (the API docs list /api and /v1 only)
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "agentlens.billing.enabled", value = "true")
public class StripeWebhookController {

  private final BeanProvider<BillingWebhooks> webhooks;

  StripeWebhookController(BeanProvider<BillingWebhooks> webhooks) {
    this.webhooks = webhooks;
  }

  @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> receive(
      @Nullable @Body String payload, @Nullable @Header("Stripe-Signature") String signature) {
    if (!webhooks.isPresent()) {
      return BillingController.unavailable();
    }
    try {
      BillingWebhooks.Outcome o = webhooks.get().handle(payload == null ? "" : payload, signature);
      return HttpResponse.ok(
          Map.of("received", true, "outcome", o.name().toLowerCase(java.util.Locale.ROOT)));
    } catch (BillingException.InvalidSignature e) {
      return HttpResponse.<ErrorBody>status(HttpStatus.BAD_REQUEST)
          .body(ErrorBody.of("Invalid Stripe signature: " + e.getMessage(), 400));
    } catch (BillingException e) {
      return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(ErrorBody.of("Stripe could not be read; retry later", 503));
    }
  }
}
