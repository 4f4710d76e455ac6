package ai.agentlens.storage.contract;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import ai.agentlens.core.port.billing.Subscription;
import ai.agentlens.core.port.billing.WebhookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The billing provider as the jobs see it, scripted in memory: subscriptions by id and the live
 * subscription per customer, with a count of reads per org. The jobs never start checkouts, report
 * overage or verify webhooks, so those calls fail the test that makes them.
 */
final class ScriptedBillingGateway implements BillingGateway {

  /** Subscription id → its current state. */
  final Map<String, Subscription> byId = new ConcurrentHashMap<>();

  /** Customer id → its live subscription. */
  final Map<String, Subscription> live = new ConcurrentHashMap<>();

  private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

  int reads(String orgId) {
    return reads.getOrDefault(orgId, new AtomicInteger()).get();
  }

  private Optional<Subscription> counted(Subscription s) {
    if (s != null && s.orgId() != null) {
      reads.computeIfAbsent(s.orgId(), k -> new AtomicInteger()).incrementAndGet();
    }
    return Optional.ofNullable(s);
  }

  @Override
  public Optional<Subscription> subscription(String subscriptionId) {
    return counted(byId.get(subscriptionId));
  }

  @Override
  public Optional<Subscription> liveSubscription(String customerId) {
    return counted(live.get(customerId));
  }

  private static AssertionError unexpected(String call) {
    return new AssertionError("the billing jobs must not call " + call);
  }

  @Override
  public String createCustomer(String orgId, String name, String email) {
    throw unexpected("createCustomer");
  }

  @Override
  public String createCheckout(
      String customerId,
      String orgId,
      Plan plan,
      BillingInterval interval,
      String successUrl,
      String cancelUrl) {
    throw unexpected("createCheckout");
  }

  @Override
  public String createPortal(String customerId, String returnUrl) {
    throw unexpected("createPortal");
  }

  @Override
  public List<Invoice> invoices(String customerId, int limit) {
    throw unexpected("invoices");
  }

  @Override
  public Optional<Invoice> upcomingInvoice(String customerId) {
    throw unexpected("upcomingInvoice");
  }

  @Override
  public PaymentMethodState paymentMethod(String customerId) {
    throw unexpected("paymentMethod");
  }

  @Override
  public Subscription changePlan(
      String subscriptionId, Plan plan, BillingInterval interval, boolean upgrade) {
    throw unexpected("changePlan");
  }

  @Override
  public String reportOverage(String customerId, String orgId, Instant hourStart, long events) {
    throw unexpected("reportOverage");
  }

  @Override
  public WebhookEvent verifyWebhook(
      String payload, String signatureHeader, String secret, long toleranceSeconds) {
    throw unexpected("verifyWebhook");
  }
}
