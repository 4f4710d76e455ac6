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
   * Decides one request against an org's own limits (quota scaled by the deployment, cap set by the
   * Owner).
   *
   * @param quota the monthly quota in events
   * @param cap the most events the month may hold ({@code quota} for a plan without overage)
   * @param used events counted this month before the request
   * @param incoming events in the request
   * @return the decision
   */
  public static Decision decide(long quota, long cap, long used, int incoming) {
    long after = used + incoming;
    if (after <= quota) {
      return Decision.WITHIN_QUOTA;
    }
    return after <= cap ? Decision.OVERAGE : Decision.REFUSED;
  }

  /**
   * Explains a refusal, naming the limit that was reached.
   *
   * @param plan the org's plan
   * @param quota the monthly quota in events
   * @param cap the cap in events
   * @return the 402 message
   */
  public static String refusalMessage(Plan plan, long quota, long cap) {
    if (!Tiers.of(plan).overage()) {
      return String.format(
          java.util.Locale.ROOT,
          "Monthly event quota of %,d reached for the %s plan: events are refused until the next"
              + " period; upgrade at /billing",
          quota,
          plan.wireName());
    }
    return String.format(
        java.util.Locale.ROOT,
        "Overage cap of %,d events reached for this month (quota %,d on the %s plan); the Owner"
            + " can raise the cap at /usage",
        cap,
        quota,
        plan.wireName());
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
