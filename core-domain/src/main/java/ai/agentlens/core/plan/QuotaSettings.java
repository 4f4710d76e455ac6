package ai.agentlens.core.plan;

/**
 * How the deployment applies the tier table's monthly quotas: whether billing checks run at all
 * ({@code agentlens.billing.enabled}; off skips quota, cap and warning checks) and a divisor that
 * scales every quota down ({@code agentlens.billing.quota-divisor}, test and operations only, so a
 * test can reach a quota with a few thousand events). Immutable.
 *
 * @param enabled whether quota, cap and warnings are checked
 * @param divisor every limited quota is divided by this (at least 1)
 */
public record QuotaSettings(boolean enabled, long divisor) {

  /** Billing on, real quotas. */
  public static final QuotaSettings DEFAULT = new QuotaSettings(true, 1);

  /** Rejects a divisor below 1. */
  public QuotaSettings {
    if (divisor < 1) {
      throw new IllegalArgumentException("agentlens.billing.quota-divisor must be at least 1");
    }
  }

  /**
   * Returns a plan's monthly quota as this deployment applies it.
   *
   * @param plan the plan
   * @return events per month, or {@link Tier#UNLIMITED} for an unlimited plan
   */
  public long quota(Plan plan) {
    long q = Tiers.of(plan).eventsPerMonth();
    return Tier.limited(q) ? Math.max(1, q / divisor) : Tier.UNLIMITED;
  }

  /**
   * Tells whether a plan's quota is checked at all.
   *
   * @param plan the plan
   * @return {@code false} when billing is off or the plan is unlimited
   */
  public boolean checks(Plan plan) {
    return enabled && Tier.limited(Tiers.of(plan).eventsPerMonth());
  }

  /**
   * Returns the most events a month may hold for a plan and an org's cap.
   *
   * @param plan the plan
   * @param cap the org's cap
   * @return the quota for a plan without overage, else the cap in events
   */
  public long cap(Plan plan, OverageCap cap) {
    long quota = quota(plan);
    return Tiers.of(plan).overage() ? Math.max(quota, cap.capEvents(quota)) : quota;
  }
}
