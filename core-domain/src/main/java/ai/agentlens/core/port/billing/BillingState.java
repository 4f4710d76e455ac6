package ai.agentlens.core.port.billing;

import ai.agentlens.core.plan.Plan;
import java.time.Instant;
import java.util.Objects;

/**
 * What the server knows of one org's billing (table {@code org_billing}). The org's effective plan
 * stays on the org itself; this row records where it came from.
 *
 * @param orgId the org
 * @param customerId the provider's customer, or {@code null} before the first checkout
 * @param subscriptionId the live subscription, or {@code null}
 * @param status the subscription's status, {@code trialing} for the card-less trial, or {@code
 *     none}
 * @param plan the subscribed (or trial) plan, or {@code null}
 * @param interval the billing interval, or {@code null}
 * @param currentPeriodEnd end of the paid period, or {@code null}
 * @param trialEnd end of the trial, or {@code null}
 * @param pendingPlan a scheduled downgrade's plan, or {@code null}
 * @param pendingAt when it takes effect, or {@code null}
 * @param paymentState {@code ok} or {@code failed}
 * @param graceUntil after a failed payment: when the org drops to Free, or {@code null}
 * @param trialWarnedAt when the "trial ends soon" mail went out, or {@code null}
 * @param updatedAt last change
 */
public record BillingState(
    String orgId,
    String customerId,
    String subscriptionId,
    String status,
    Plan plan,
    BillingInterval interval,
    Instant currentPeriodEnd,
    Instant trialEnd,
    Plan pendingPlan,
    Instant pendingAt,
    String paymentState,
    Instant graceUntil,
    Instant trialWarnedAt,
    Instant updatedAt) {

  /** Payment state: nothing wrong. */
  public static final String PAYMENT_OK = "ok";

  /** Payment state: the last invoice's payment failed. */
  public static final String PAYMENT_FAILED = "failed";

  /** Requires the org, status, payment state and time. */
  public BillingState {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(paymentState, "paymentState");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A fresh state: no customer, no subscription.
   *
   * @param orgId the org
   * @param at now
   * @return the state
   */
  public static BillingState none(String orgId, Instant at) {
    return new BillingState(
        orgId, null, null, "none", null, null, null, null, null, null, PAYMENT_OK, null, null, at);
  }

  /**
   * Copies with another customer.
   *
   * @param id the customer id
   * @param at now
   * @return the copy
   */
  public BillingState withCustomer(String id, Instant at) {
    return new BillingState(
        orgId,
        id,
        subscriptionId,
        status,
        plan,
        interval,
        currentPeriodEnd,
        trialEnd,
        pendingPlan,
        pendingAt,
        paymentState,
        graceUntil,
        trialWarnedAt,
        at);
  }

  /**
   * Copies with the subscription's current state.
   *
   * @param s the subscription (its plan may be {@code null} when the price is unknown)
   * @param at now
   * @return the copy
   */
  public BillingState withSubscription(Subscription s, Instant at) {
    return new BillingState(
        orgId,
        s.customerId() != null ? s.customerId() : customerId,
        s.id(),
        s.status(),
        s.plan(),
        s.interval(),
        s.currentPeriodEnd(),
        s.trialEnd(),
        s.scheduledPlan(),
        s.scheduledAt(),
        paymentState,
        graceUntil,
        trialWarnedAt,
        at);
  }

  /**
   * Copies with another payment state and grace end.
   *
   * @param state {@link #PAYMENT_OK} or {@link #PAYMENT_FAILED}
   * @param grace when the grace period ends, or {@code null}
   * @param at now
   * @return the copy
   */
  public BillingState withPayment(String state, Instant grace, Instant at) {
    return new BillingState(
        orgId,
        customerId,
        subscriptionId,
        status,
        plan,
        interval,
        currentPeriodEnd,
        trialEnd,
        pendingPlan,
        pendingAt,
        state,
        grace,
        trialWarnedAt,
        at);
  }

  /**
   * Copies as a card-less trial or with no subscription at all.
   *
   * @param newStatus {@code trialing}, {@code none} or {@code canceled}
   * @param newPlan the plan, or {@code null}
   * @param newTrialEnd the trial end, or {@code null}
   * @param warned when the trial mail was sent, or {@code null}
   * @param at now
   * @return the copy
   */
  public BillingState withTrial(
      String newStatus, Plan newPlan, Instant newTrialEnd, Instant warned, Instant at) {
    return new BillingState(
        orgId,
        customerId,
        null,
        newStatus,
        newPlan,
        null,
        null,
        newTrialEnd,
        null,
        null,
        paymentState,
        graceUntil,
        warned,
        at);
  }

  /**
   * Copies with the trial mail's time.
   *
   * @param warned when it was sent
   * @return the copy
   */
  public BillingState withTrialWarned(Instant warned) {
    return new BillingState(
        orgId,
        customerId,
        subscriptionId,
        status,
        plan,
        interval,
        currentPeriodEnd,
        trialEnd,
        pendingPlan,
        pendingAt,
        paymentState,
        graceUntil,
        warned,
        updatedAt);
  }
}
