package ai.agentlens.core.plan;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The one tier table (PRD §16) as a constant: every limit of every plan is read from here, never
 * repeated elsewhere. Enterprise is "custom" in the PRD; until a contract says otherwise it gets no
 * quota and a high rate. Self-hosted has no limits and no billing. Features: LLM analytics on every
 * plan; the compliance report and agent cards from Team up, and on self-hosted (everything on).
 */
public final class Tiers {

  /** Default overage cap: events are rejected beyond this multiple of the quota (FR-61). */
  public static final int DEFAULT_OVERAGE_CAP_MULTIPLIER = 2;

  /** Share of the quota at which the warning banner and mail start (FR-58). */
  public static final double WARNING_SHARE = 0.8;

  private static final int U = Tier.UNLIMITED;

  private static final Set<Feature> BASIC = Set.of(Feature.ANALYTICS);
  private static final Set<Feature> ALL = Set.of(Feature.values());

  private static final Map<Plan, Tier> TABLE = new EnumMap<>(Plan.class);

  static {
    TABLE.put(Plan.FREE, new Tier(10_000, 100, 7, 3, 1, 2, false, BigDecimal.ZERO, BASIC));
    TABLE.put(
        Plan.PRO, new Tier(500_000, 5_000, 30, 10, 3, 10, true, new BigDecimal("0.10"), BASIC));
    TABLE.put(
        Plan.TEAM, new Tier(5_000_000, 50_000, 90, U, 10, 50, true, new BigDecimal("0.08"), ALL));
    TABLE.put(Plan.ENTERPRISE, new Tier(U, 500_000, 365, U, U, U, true, BigDecimal.ZERO, ALL));
    TABLE.put(Plan.SELF_HOSTED, new Tier(U, U, 3650, U, U, U, false, BigDecimal.ZERO, ALL));
  }

  private Tiers() {}

  /**
   * Returns a plan's limits.
   *
   * @param plan the plan
   * @return its tier; never {@code null}
   */
  public static Tier of(Plan plan) {
    return TABLE.get(plan);
  }

  /**
   * Returns the rate limit of one API key: its override when set, never above the plan's.
   *
   * @param plan the org's plan
   * @param override the key's override, or {@code null}
   * @return events per minute
   */
  public static int keyRateLimit(Plan plan, Integer override) {
    int tier = of(plan).eventsPerMinute();
    return override == null || override <= 0 ? tier : Math.min(override, tier);
  }

  /**
   * Returns a plan's monthly base price in USD (FR-56): Free 0, Pro 29, Team 99; Enterprise is
   * custom and self-hosted is free, both shown as 0.
   *
   * @param plan the plan
   * @return the price
   */
  public static BigDecimal basePriceUsd(Plan plan) {
    return switch (plan) {
      case PRO -> new BigDecimal("29");
      case TEAM -> new BigDecimal("99");
      default -> BigDecimal.ZERO;
    };
  }

  /**
   * Returns how long a plan keeps an org's audit log (PC-16: at least 90 days, up to a year for
   * Enterprise): Free 90 days, Pro 180, Team and Enterprise 365; self-hosted keeps it forever.
   *
   * @param plan the plan
   * @return days; 0 when the audit log is kept forever
   */
  public static int auditRetentionDays(Plan plan) {
    return switch (plan) {
      case FREE -> 90;
      case PRO -> 180;
      case TEAM, ENTERPRISE -> 365;
      case SELF_HOSTED -> 0;
    };
  }
}
