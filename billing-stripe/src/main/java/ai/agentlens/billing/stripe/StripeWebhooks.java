package ai.agentlens.billing.stripe;

import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.WebhookEvent;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;

/**
 * Verifies Stripe webhooks with the official scheme ({@code Webhook.constructEvent}: HMAC-SHA256 of
 * {@code <timestamp>.<payload>} under the endpoint secret, timestamp within the tolerance) and
 * reduces the event to the ids the billing use case needs.
 */
final class StripeWebhooks {

  private StripeWebhooks() {}

  static WebhookEvent verify(String payload, String header, String secret, long tolerance) {
    if (header == null || header.isBlank()) {
      throw new BillingException.InvalidSignature("missing Stripe-Signature header");
    }
    if (secret == null || secret.isBlank()) {
      throw new BillingException.InvalidSignature("webhook secret not configured");
    }
    Event event;
    try {
      event = Webhook.constructEvent(payload, header, secret, tolerance);
    } catch (SignatureVerificationException e) {
      throw new BillingException.InvalidSignature("signature does not verify: " + e.getMessage());
    } catch (RuntimeException e) {
      // why: a body that is not JSON surfaces as a Gson exception after the signature matched
      throw new BillingException.InvalidSignature("payload is not a Stripe event");
    }
    if (event.getId() == null || event.getType() == null) {
      throw new BillingException.InvalidSignature("payload is not a Stripe event");
    }
    // why: the typed data object is only filled when the event's API version matches the
    // client's; the raw JSON always has the ids
    JsonObject data = JsonDoc.of(payload).tree().object("data");
    JsonObject object = data == null ? null : data.object("object");
    if (object == null) {
      throw new BillingException.InvalidSignature("payload has no data.object");
    }
    String kind = text(object, "object");
    String id = text(object, "id");
    String customer = text(object, "customer");
    String subscription = "subscription".equals(kind) ? id : text(object, "subscription");
    if (subscription == null && "invoice".equals(kind)) {
      subscription = invoiceSubscription(object);
    }
    String org = text(object, "client_reference_id");
    JsonObject meta = object.object("metadata");
    if (org == null && meta != null) {
      org = text(meta, "org_id");
    }
    return new WebhookEvent(
        event.getId(),
        event.getType(),
        event.getCreated() == null ? 0 : event.getCreated(),
        customer,
        subscription,
        org);
  }

  /** Since API version 2025-03-31 an invoice names its subscription under parent. */
  private static String invoiceSubscription(JsonObject invoice) {
    JsonObject parent = invoice.object("parent");
    JsonObject details = parent == null ? null : parent.object("subscription_details");
    return details == null ? null : text(details, "subscription");
  }

  private static String text(JsonObject o, String name) {
    JsonObject expanded = o.object(name);
    return expanded != null ? expanded.string("id") : o.string(name);
  }
}
