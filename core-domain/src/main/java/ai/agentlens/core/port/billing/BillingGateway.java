package ai.agentlens.core.port.billing;

import ai.agentlens.core.plan.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The billing provider (Stripe in cloud; none in self-hosted). Every call is a remote call: it may
 * take up to the adapter's timeout and throws {@link BillingException} when the provider cannot be
 * reached or refuses; no call retries on its own except where an idempotency key makes a retry
 * safe. Prices come from {@link BillingPrices} (configuration). Thread-safe. Tenant-scoped calls
 * take the org or its customer explicitly; the provider never learns anything but the org id, its
 * name and the Owner's e-mail.
 */
public interface BillingGateway {

  /**
   * Creates the provider's customer for an org. Idempotent per org: a second call for the same org
   * (same idempotency key {@code customer-<orgId>}) returns the same customer.
   *
   * @param orgId the org (stored in the customer's metadata as {@code org_id})
   * @param name the org's name
   * @param email the billing e-mail (the Owner's), or {@code null}
   * @return the customer id
   */
  String createCustomer(String orgId, String name, String email);

  /**
   * Starts a hosted Checkout for a subscription to a plan. The subscription gets the plan's base
   * price for the interval plus the metered overage price when configured, and {@code org_id} in
   * its metadata; the session's client reference is the org id.
   *
   * @param customerId the org's customer
   * @param orgId the org
   * @param plan {@link Plan#PRO} or {@link Plan#TEAM}
   * @param interval monthly or annual
   * @param successUrl where the provider sends the browser after paying
   * @param cancelUrl where it sends the browser on cancel
   * @return the Checkout page URL
   * @throws IllegalArgumentException when the plan has no configured price for the interval
   */
  String createCheckout(
      String customerId,
      String orgId,
      Plan plan,
      BillingInterval interval,
      String successUrl,
      String cancelUrl);

  /**
   * Opens the provider's Customer Portal (cards, invoices, cancel).
   *
   * @param customerId the org's customer
   * @param returnUrl where the portal's back link goes
   * @return the portal URL
   */
  String createPortal(String customerId, String returnUrl);

  /**
   * Reads a subscription's current state (the source of truth when webhooks arrive out of order).
   *
   * @param subscriptionId the subscription id
   * @return its state, empty when the provider does not know it
   */
  Optional<Subscription> subscription(String subscriptionId);

  /**
   * Finds a customer's live subscription (active, trialing or past due), newest first.
   *
   * @param customerId the customer
   * @return the subscription, empty when there is none
   */
  Optional<Subscription> liveSubscription(String customerId);

  /**
   * Lists a customer's invoices, newest first, each with its lines (base and overage itemized).
   *
   * @param customerId the customer
   * @param limit at most this many (1..100)
   * @return the invoices
   */
  List<Invoice> invoices(String customerId, int limit);

  /**
   * Previews the next invoice of a customer's subscription.
   *
   * @param customerId the customer
   * @return the preview, empty when nothing is due (no subscription)
   */
  Optional<Invoice> upcomingInvoice(String customerId);

  /**
   * Reads whether the customer has a default payment method.
   *
   * @param customerId the customer
   * @return its state; {@link PaymentMethodState#NONE} when none is on file
   */
  PaymentMethodState paymentMethod(String customerId);

  /**
   * Changes a subscription's plan (FR-65): an upgrade replaces the base price at once with
   * proration ({@code always_invoice}); a downgrade is scheduled for the end of the current period
   * and shows as {@link Subscription#scheduledPlan()}.
   *
   * @param subscriptionId the subscription
   * @param plan the new plan (Pro or Team)
   * @param interval the new interval
   * @param upgrade {@code true} to apply now, {@code false} to apply at period end
   * @return the subscription's state after the change
   */
  Subscription changePlan(
      String subscriptionId, Plan plan, BillingInterval interval, boolean upgrade);

  /**
   * Reports metered overage for one org and one hour. Idempotent: the provider's idempotency key
   * and the meter event's identifier are both {@code overage-<orgId>-<hourStart epoch seconds>}, so
   * a retry of the same hour never bills twice.
   *
   * @param customerId the org's customer
   * @param orgId the org
   * @param hourStart the start of the hour the overage was ingested in
   * @param events overage events in that hour (&gt; 0)
   * @return the identifier reported
   */
  String reportOverage(String customerId, String orgId, Instant hourStart, long events);

  /**
   * Verifies a webhook's signature with the provider's scheme and parses it. Pure: no remote call.
   *
   * @param payload the raw request body, exactly as received
   * @param signatureHeader the signature header ({@code Stripe-Signature})
   * @param secret the endpoint's signing secret
   * @param toleranceSeconds the maximum age of the signed timestamp
   * @return the event
   * @throws BillingException.InvalidSignature when the signature, timestamp or payload is bad
   */
  WebhookEvent verifyWebhook(
      String payload, String signatureHeader, String secret, long toleranceSeconds);
}
