package ai.agentlens.core.plan;

/**
 * The monthly quota decision (FR-57, FR-59, FR-61): Free stops hard at its quota; plans with
 * overage keep accepting up to the cap (default twice the quota); unlimited plans always accept. A
 * request is accepted or refused whole.
 */
public final class QuotaPolicy {

  private QuotaPolicy() {}

  /** The outcome. */
  public enum Decision {
    /** Within the quota. */
    WITHIN_QUOTA,
    /** Beyond the quota, within the overage cap: accepted and billed as overage. */
    OVERAGE,
    /** Refused: the quota (no overage) or the overage cap would be exceeded (402). */
    REFUSED
  }

  /**
   * Decides one request.
   *
   * @param plan the org's plan
   * @param used events counted this month before the request
   * @param incoming events in the request
   * @param capMultiplier overage cap as a multiple of the quota
   * @return the decision
   */
  public static Decision decide(Plan plan, long used, int incoming, int capMultiplier) {
    Tier tier = Tiers.of(plan);
    if (!Tier.limited(tier.eventsPerMonth())) {
      return Decision.WITHIN_QUOTA;
    }
    long after = used + incoming;
    if (after <= tier.eventsPerMonth()) {
      return Decision.WITHIN_QUOTA;
    }
    if (!tier.overage()) {
      return Decision.REFUSED;
    }
    return after <= tier.eventsPerMonth() * Math.max(1, capMultiplier)
        ? Decision.OVERAGE
        : Decision.REFUSED;
  }

  /**
   * Explains a refusal to the client.
   *
   * @param plan the org's plan
   * @return the 402 message
   */
  public static String refusalMessage(Plan plan) {
    Tier tier = Tiers.of(plan);
    return tier.overage()
        ? "Overage cap reached: this org has used its monthly overage allowance"
        : "Monthly event quota of "
            + tier.eventsPerMonth()
            + " reached for the "
            + plan.wireName()
            + " plan";
  }
}
