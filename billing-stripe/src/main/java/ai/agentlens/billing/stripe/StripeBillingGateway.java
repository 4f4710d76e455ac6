package ai.agentlens.billing.stripe;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import ai.agentlens.core.port.billing.Subscription;
import ai.agentlens.core.port.billing.WebhookEvent;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.billing.MeterEventCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link BillingGateway} on Stripe through the official client. Subscriptions carry the org id in
 * their metadata; downgrades are subscription schedules (a second phase from the period end);
 * overage goes to a Billing Meter as meter events. Webhooks are verified with {@code
 * Webhook.constructEvent} in {@link StripeWebhooks}. The customer's invoices and card are read by
 * {@link StripeCustomerReads}, plan changes made by {@link StripePlanChanges}.
 */
public final class StripeBillingGateway implements BillingGateway {

  private final StripeClient client;
  private final StripeSettings settings;
  private final StripeMapping map;
  private final StripeCustomerReads reads;
  private final StripePlanChanges changes;

  /**
   * Creates the gateway.
   *
   * @param settings API key, base URL, prices and timeout
   */
  public StripeBillingGateway(StripeSettings settings) {
    this.settings = settings;
    this.map = new StripeMapping(settings.prices());
    StripeClient.StripeClientBuilder b =
        StripeClient.builder()
            .setApiKey(settings.apiKey())
            .setConnectTimeout(settings.timeoutMillis())
            .setReadTimeout(settings.timeoutMillis())
            // why: the client retries only requests it sent with an idempotency key
            .setMaxNetworkRetries(2);
    if (settings.apiBase() != null && !settings.apiBase().isBlank()) {
      b.setApiBase(settings.apiBase()).setMeterEventsBase(settings.apiBase());
    }
    this.client = b.build();
    this.reads = new StripeCustomerReads(client, map);
    this.changes = new StripePlanChanges(client, map, settings.prices());
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  static BillingException failed(String what, StripeException e) {
    return new BillingException(
        "Stripe " + what + " failed: " + e.getStatusCode() + " " + e.getCode(), e);
  }

  @Override
  public String createCustomer(String orgId, String name, String email) {
    CustomerCreateParams.Builder p = CustomerCreateParams.builder().setName(name);
    p.putMetadata("org_id", orgId);
    if (email != null) {
      p.setEmail(email);
    }
    try {
      return client.v1().customers().create(p.build(), idempotent("customer-" + orgId)).getId();
    } catch (StripeException e) {
      throw failed("create customer", e);
    }
  }

  @Override
  public String createCheckout(
      String customerId,
      String orgId,
      Plan plan,
      BillingInterval interval,
      String successUrl,
      String cancelUrl) {
    String price =
        settings
            .prices()
            .priceOf(plan, interval)
            .orElseThrow(() -> new IllegalArgumentException("no price for " + plan.wireName()));
    SessionCreateParams.Builder p =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
            .setCustomer(customerId)
            .setClientReferenceId(orgId)
            .setSuccessUrl(successUrl)
            .setCancelUrl(cancelUrl)
            .putMetadata("org_id", orgId)
            .setSubscriptionData(
                SessionCreateParams.SubscriptionData.builder().putMetadata("org_id", orgId).build())
            .addLineItem(
                SessionCreateParams.LineItem.builder().setPrice(price).setQuantity(1L).build());
    if (settings.prices().overagePrice() != null) {
      // why: metered prices take no quantity in Checkout
      p.addLineItem(
          SessionCreateParams.LineItem.builder()
              .setPrice(settings.prices().overagePrice())
              .build());
    }
    try {
      return client.v1().checkout().sessions().create(p.build()).getUrl();
    } catch (StripeException e) {
      throw failed("create checkout", e);
    }
  }

  @Override
  public String createPortal(String customerId, String returnUrl) {
    com.stripe.param.billingportal.SessionCreateParams p =
        com.stripe.param.billingportal.SessionCreateParams.builder()
            .setCustomer(customerId)
            .setReturnUrl(returnUrl)
            .build();
    try {
      return client.v1().billingPortal().sessions().create(p).getUrl();
    } catch (StripeException e) {
      throw failed("create portal session", e);
    }
  }

  @Override
  public Optional<Subscription> subscription(String subscriptionId) {
    SubscriptionRetrieveParams p =
        SubscriptionRetrieveParams.builder().addExpand("schedule").build();
    try {
      return Optional.of(
          map.subscription(client.v1().subscriptions().retrieve(subscriptionId, p, null)));
    } catch (InvalidRequestException e) {
      if (e.getStatusCode() != null && e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw failed("read subscription", e);
    } catch (StripeException e) {
      throw failed("read subscription", e);
    }
  }

  @Override
  public Optional<Subscription> liveSubscription(String customerId) {
    SubscriptionListParams p =
        SubscriptionListParams.builder()
            .setCustomer(customerId)
            .setStatus(SubscriptionListParams.Status.ALL)
            .addExpand("data.schedule")
            .setLimit(10L)
            .build();
    try {
      for (com.stripe.model.Subscription s : client.v1().subscriptions().list(p).getData()) {
        Subscription mapped = map.subscription(s);
        if (mapped.live()) {
          return Optional.of(mapped);
        }
      }
      return Optional.empty();
    } catch (StripeException e) {
      throw failed("list subscriptions", e);
    }
  }

  @Override
  public List<Invoice> invoices(String customerId, int limit) {
    return reads.invoices(customerId, limit);
  }

  @Override
  public Optional<Invoice> upcomingInvoice(String customerId) {
    return reads.upcomingInvoice(customerId);
  }

  @Override
  public PaymentMethodState paymentMethod(String customerId) {
    return reads.paymentMethod(customerId);
  }

  @Override
  public Subscription changePlan(
      String subscriptionId, Plan plan, BillingInterval interval, boolean upgrade) {
    changes.change(subscriptionId, plan, interval, upgrade);
    return subscription(subscriptionId)
        .orElseThrow(() -> new BillingException("subscription vanished", null));
  }

  @Override
  public String reportOverage(String customerId, String orgId, Instant hourStart, long events) {
    if (events <= 0) {
      throw new IllegalArgumentException("events must be > 0");
    }
    String identifier = "overage-" + orgId + "-" + hourStart.getEpochSecond();
    MeterEventCreateParams p =
        MeterEventCreateParams.builder()
            .setEventName(settings.prices().overageMeterEvent())
            .setIdentifier(identifier)
            .setTimestamp(hourStart.getEpochSecond())
            .putPayload("stripe_customer_id", customerId)
            .putPayload("value", Long.toString(events))
            .build();
    try {
      client.v1().billing().meterEvents().create(p, idempotent(identifier));
      return identifier;
    } catch (StripeException e) {
      throw failed("report overage", e);
    }
  }

  @Override
  public WebhookEvent verifyWebhook(
      String payload, String signatureHeader, String secret, long toleranceSeconds) {
    return StripeWebhooks.verify(payload, signatureHeader, secret, toleranceSeconds);
  }
}
