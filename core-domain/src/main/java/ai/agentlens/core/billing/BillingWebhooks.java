package ai.agentlens.core.billing;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.billing.Subscription;
import ai.agentlens.core.port.billing.WebhookEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Handles the provider's webhooks: verified signature, each event id exactly once (a duplicate is
 * acknowledged and ignored), and never trusting the event body for state — the subscription's
 * current state is re-read from the provider, so events arriving out of order converge on the
 * truth. A handling failure forgets the event id and rethrows, so the provider's redelivery is
 * handled again.
 */
public final class BillingWebhooks {

  /** What became of a delivery. */
  public enum Outcome {
    /** Handled now. */
    PROCESSED,
    /** Seen before; ignored. */
    DUPLICATE,
    /** A type this server does not act on; acknowledged. */
    IGNORED
  }

  private final AccountPorts ports;
  private final BillingGateway gateway;
  private final BillingStateStore store;
  private final BillingSettings settings;
  private final BillingSync sync;
  private final BillingNotices notices;
  private final BillingCache cache;

  /**
   * Creates the handler.
   *
   * @param ports the account ports (stores, clock, mailer, org cache)
   * @param gateway the billing provider
   * @param settings secret, tolerance and grace period
   * @param audit the audit trail
   * @param cache the per-org billing cache, dropped for the org of every handled event
   */
  public BillingWebhooks(
      AccountPorts ports,
      BillingGateway gateway,
      BillingSettings settings,
      ai.agentlens.core.account.AuditTrail audit,
      BillingCache cache) {
    this.ports = ports;
    this.gateway = gateway;
    this.store = ports.stores().billing();
    this.settings = settings;
    this.cache = cache;
    this.notices = new BillingNotices(ports, audit);
    this.sync = new BillingSync(ports, store, notices, cache);
  }

  /**
   * Verifies and handles one delivery.
   *
   * @param payload the raw body
   * @param signature the {@code Stripe-Signature} header
   * @return what was done
   * @throws BillingException.InvalidSignature when it does not verify (answer 400)
   * @throws BillingException when the provider could not be read (answer 5xx so it retries)
   */
  public Outcome handle(String payload, String signature) {
    WebhookEvent e =
        gateway.verifyWebhook(
            payload, signature, settings.webhookSecret(), settings.webhookTolerance().toSeconds());
    if (!store.markProcessed(e.id(), e.type(), ports.clock().now())) {
      return Outcome.DUPLICATE;
    }
    try {
      return dispatch(e);
    } catch (RuntimeException ex) {
      store.unmarkProcessed(e.id());
      throw ex;
    }
  }

  private Outcome dispatch(WebhookEvent e) {
    switch (e.type()) {
      case "checkout.session.completed",
          "customer.subscription.created",
          "customer.subscription.updated",
          "customer.subscription.deleted" -> {
        return resync(e).isPresent() ? Outcome.PROCESSED : Outcome.IGNORED;
      }
      case "invoice.paid" -> {
        Optional<String> org = resync(e);
        org.ifPresent(this::paymentRecovered);
        return org.isPresent() ? Outcome.PROCESSED : Outcome.IGNORED;
      }
      case "invoice.payment_failed" -> {
        Optional<String> org = resync(e);
        org.ifPresent(this::paymentFailed);
        return org.isPresent() ? Outcome.PROCESSED : Outcome.IGNORED;
      }
      case "customer.subscription.trial_will_end" -> {
        Optional<String> org = resync(e);
        org.ifPresent(
            o ->
                notices.mailOwners(
                    o,
                    "Your AgentLens trial ends soon",
                    "Your trial ends on "
                        + sync.state(o).trialEnd()
                        + ". Your card on file will be charged then; manage billing at "
                        + settings.publicUrl()
                        + "/billing"));
        return org.isPresent() ? Outcome.PROCESSED : Outcome.IGNORED;
      }
      default -> {
        return Outcome.IGNORED;
      }
    }
  }

  /** Re-reads the event's subscription and applies it; returns the org it belongs to. */
  private Optional<String> resync(WebhookEvent e) {
    if (e.subscriptionId() == null) {
      // why: an invoice without a subscription still changes the invoices the overview shows
      Optional.ofNullable(e.orgId()).ifPresent(cache::invalidate);
      return Optional.ofNullable(e.orgId());
    }
    Optional<Subscription> s = gateway.subscription(e.subscriptionId());
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String org = s.get().orgId() != null ? s.get().orgId() : e.orgId();
    if (org == null || ports.stores().orgs().find(org).isEmpty()) {
      return Optional.empty();
    }
    sync.apply(org, s.get());
    return Optional.of(org);
  }

  private void paymentFailed(String orgId) {
    Instant now = ports.clock().now();
    BillingState s = sync.state(orgId);
    if (BillingState.PAYMENT_FAILED.equals(s.paymentState())) {
      return;
    }
    Instant grace = now.plus(settings.grace());
    sync.save(s.withPayment(BillingState.PAYMENT_FAILED, grace, now));
    notices.audit(orgId, null, "billing.payment_failed", Map.of("grace_until", grace.toString()));
    notices.mailOwners(
        orgId,
        "AgentLens payment failed — update your card",
        "The last payment for your AgentLens subscription failed. Your plan stays active until "
            + grace
            + "; after that the organization moves to the Free plan. Update your card at "
            + settings.publicUrl()
            + "/billing");
  }

  private void paymentRecovered(String orgId) {
    BillingState s = sync.state(orgId);
    if (!BillingState.PAYMENT_FAILED.equals(s.paymentState())) {
      return;
    }
    sync.save(s.withPayment(BillingState.PAYMENT_OK, null, ports.clock().now()));
    notices.audit(orgId, null, "billing.payment_recovered", Map.of());
  }
}
