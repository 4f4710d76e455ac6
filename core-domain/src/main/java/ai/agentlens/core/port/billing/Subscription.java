package ai.agentlens.core.port.billing;

import ai.agentlens.core.plan.Plan;
import java.time.Instant;

/**
 * A subscription's current state as the billing provider holds it.
 *
 * @param id the provider's subscription id
 * @param customerId the provider's customer id
 * @param orgId the org it belongs to (from the subscription's metadata), or {@code null}
 * @param status the provider's status, e.g. {@code active}, {@code trialing}, {@code past_due},
 *     {@code canceled}
 * @param plan the plan of its base price, or {@code null} when the price is not a configured one
 * @param interval the interval of its base price, or {@code null}
 * @param currentPeriodEnd end of the period being paid for, or {@code null}
 * @param trialEnd end of its trial, or {@code null}
 * @param cancelAtPeriodEnd whether it ends at the period end
 * @param scheduledPlan the plan it changes to at {@code scheduledAt} (a downgrade), or {@code null}
 * @param scheduledAt when the scheduled change takes effect, or {@code null}
 */
public record Subscription(
    String id,
    String customerId,
    String orgId,
    String status,
    Plan plan,
    BillingInterval interval,
    Instant currentPeriodEnd,
    Instant trialEnd,
    boolean cancelAtPeriodEnd,
    Plan scheduledPlan,
    Instant scheduledAt) {

  /**
   * Whether the subscription entitles the org to its plan now ({@code active}, {@code trialing}, or
   * {@code past_due} — a failed payment is handled by the grace period, not here).
   *
   * @return {@code true} when it is live
   */
  public boolean live() {
    return "active".equals(status) || "trialing".equals(status) || "past_due".equals(status);
  }
}
