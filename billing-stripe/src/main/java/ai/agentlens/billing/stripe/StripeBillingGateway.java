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
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerRetrieveParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.SubscriptionScheduleCreateParams;
import com.stripe.param.SubscriptionScheduleUpdateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billing.MeterEventCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link BillingGateway} on Stripe through the official client. Subscriptions carry the org id in
 * their metadata; downgrades are subscription schedules (a second phase from the period end);
 * overage goes to a Billing Meter as meter events. Webhooks are verified with {@code
 * Webhook.constructEvent} in {@link StripeWebhooks}.
 */
public final class StripeBillingGateway implements BillingGateway {

  private final StripeClient client;
  private final StripeSettings settings;
  private final StripeMapping map;

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
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  private static BillingException failed(String what, StripeException e) {
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
    InvoiceListParams p =
        InvoiceListParams.builder()
            .setCustomer(customerId)
            .setLimit((long) Math.max(1, Math.min(100, limit)))
            .build();
    try {
      List<Invoice> out = new ArrayList<>();
      for (com.stripe.model.Invoice inv : client.v1().invoices().list(p).getData()) {
        out.add(map.invoice(inv));
      }
      return out;
    } catch (StripeException e) {
      throw failed("list invoices", e);
    }
  }

  @Override
  public Optional<Invoice> upcomingInvoice(String customerId) {
    InvoiceCreatePreviewParams p =
        InvoiceCreatePreviewParams.builder().setCustomer(customerId).build();
    try {
      return Optional.of(map.invoice(client.v1().invoices().createPreview(p)));
    } catch (InvalidRequestException e) {
      // why: Stripe answers 404 invoice_upcoming_none when the customer has nothing to bill
      if ("invoice_upcoming_none".equals(e.getCode())
          || (e.getStatusCode() != null && e.getStatusCode() == 404)) {
        return Optional.empty();
      }
      throw failed("preview invoice", e);
    } catch (StripeException e) {
      throw failed("preview invoice", e);
    }
  }

  @Override
  public PaymentMethodState paymentMethod(String customerId) {
    CustomerRetrieveParams p =
        CustomerRetrieveParams.builder()
            .addExpand("invoice_settings.default_payment_method")
            .build();
    try {
      Customer c = client.v1().customers().retrieve(customerId, p, null);
      PaymentMethod pm =
          c.getInvoiceSettings() == null
              ? null
              : c.getInvoiceSettings().getDefaultPaymentMethodObject();
      if (pm == null) {
        return PaymentMethodState.NONE;
      }
      PaymentMethod.Card card = pm.getCard();
      if (card == null) {
        return new PaymentMethodState(true, pm.getType(), null, 0, 0);
      }
      return new PaymentMethodState(
          true,
          card.getBrand(),
          card.getLast4(),
          card.getExpMonth() == null ? 0 : card.getExpMonth().intValue(),
          card.getExpYear() == null ? 0 : card.getExpYear().intValue());
    } catch (StripeException e) {
      throw failed("read customer", e);
    }
  }

  @Override
  public Subscription changePlan(
      String subscriptionId, Plan plan, BillingInterval interval, boolean upgrade) {
    String price =
        settings
            .prices()
            .priceOf(plan, interval)
            .orElseThrow(() -> new IllegalArgumentException("no price for " + plan.wireName()));
    try {
      com.stripe.model.Subscription s =
          client.v1().subscriptions().retrieve(subscriptionId, (RequestOptions) null);
      SubscriptionItem base =
          map.baseItem(s)
              .orElseThrow(() -> new BillingException("subscription has no base plan price", null));
      if (upgrade) {
        SubscriptionUpdateParams p =
            SubscriptionUpdateParams.builder()
                .addItem(
                    SubscriptionUpdateParams.Item.builder()
                        .setId(base.getId())
                        .setPrice(price)
                        .build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .build();
        client.v1().subscriptions().update(subscriptionId, p, null);
      } else {
        scheduleDowngrade(s, base, price);
      }
      return subscription(subscriptionId)
          .orElseThrow(() -> new BillingException("subscription vanished", null));
    } catch (StripeException e) {
      throw failed("change plan", e);
    }
  }

  private void scheduleDowngrade(
      com.stripe.model.Subscription s, SubscriptionItem base, String price) throws StripeException {
    SubscriptionSchedule schedule =
        s.getSchedule() != null
            ? client.v1().subscriptionSchedules().retrieve(s.getSchedule(), (RequestOptions) null)
            : client
                .v1()
                .subscriptionSchedules()
                .create(
                    SubscriptionScheduleCreateParams.builder()
                        .setFromSubscription(s.getId())
                        .build());
    Long periodStart = base.getCurrentPeriodStart();
    Long periodEnd = base.getCurrentPeriodEnd();
    SubscriptionScheduleUpdateParams.Phase.Builder now =
        SubscriptionScheduleUpdateParams.Phase.builder()
            .setStartDate(periodStart)
            .setEndDate(periodEnd);
    SubscriptionScheduleUpdateParams.Phase.Builder next =
        SubscriptionScheduleUpdateParams.Phase.builder()
            .setStartDate(periodEnd)
            .setProrationBehavior(SubscriptionScheduleUpdateParams.Phase.ProrationBehavior.NONE);
    for (SubscriptionItem item : s.getItems().getData()) {
      String current = item.getPrice().getId();
      now.addItem(SubscriptionScheduleUpdateParams.Phase.Item.builder().setPrice(current).build());
      String after = item.getId().equals(base.getId()) ? price : current;
      next.addItem(SubscriptionScheduleUpdateParams.Phase.Item.builder().setPrice(after).build());
    }
    SubscriptionScheduleUpdateParams p =
        SubscriptionScheduleUpdateParams.builder()
            .addPhase(now.build())
            .addPhase(next.build())
            .setEndBehavior(SubscriptionScheduleUpdateParams.EndBehavior.RELEASE)
            .build();
    client.v1().subscriptionSchedules().update(schedule.getId(), p, null);
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
