package ai.agentlens.core.port.billing;

import ai.agentlens.core.plan.Plan;
import java.util.Map;
import java.util.Optional;

/**
 * The Stripe price ids of the sellable plans, from configuration (never hard-coded): monthly and
 * annual prices for Pro and Team, and the metered overage price with its meter's event name.
 *
 * @param proMonthly Pro, billed monthly
 * @param proAnnual Pro, billed annually (20 % off)
 * @param teamMonthly Team, billed monthly
 * @param teamAnnual Team, billed annually (20 % off)
 * @param overagePrice the metered overage price added to Pro and Team subscriptions, or {@code
 *     null}
 * @param overageMeterEvent the billing meter's event name that overage is reported under
 */
public record BillingPrices(
    String proMonthly,
    String proAnnual,
    String teamMonthly,
    String teamAnnual,
    String overagePrice,
    String overageMeterEvent) {

  /**
   * Returns the price of a plan and interval.
   *
   * @param plan Pro or Team
   * @param interval monthly or annual
   * @return the price id, empty for a plan that has no checkout (Free, Enterprise, self-hosted)
   */
  public Optional<String> priceOf(Plan plan, BillingInterval interval) {
    boolean annual = interval == BillingInterval.ANNUAL;
    return switch (plan) {
      case PRO -> Optional.ofNullable(annual ? proAnnual : proMonthly);
      case TEAM -> Optional.ofNullable(annual ? teamAnnual : teamMonthly);
      default -> Optional.empty();
    };
  }

  /**
   * Finds the plan and interval a price id sells (the reverse of {@link #priceOf}).
   *
   * @param priceId a Stripe price id
   * @return the plan and interval, empty when the id is not one of the configured base prices
   */
  public Optional<Map.Entry<Plan, BillingInterval>> planOf(String priceId) {
    if (priceId == null) {
      return Optional.empty();
    }
    for (Plan p : new Plan[] {Plan.PRO, Plan.TEAM}) {
      for (BillingInterval i : BillingInterval.values()) {
        if (priceId.equals(priceOf(p, i).orElse(null))) {
          return Optional.of(Map.entry(p, i));
        }
      }
    }
    return Optional.empty();
  }
}
