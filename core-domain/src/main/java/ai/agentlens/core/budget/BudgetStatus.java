package ai.agentlens.core.budget;

import ai.agentlens.core.budget.model.CostBudget;
import java.time.Instant;

/**
 * A budget's current state.
 *
 * @param budget the budget
 * @param spendUsd spend in the current period (per-session budgets: the most expensive open
 *     session's total), rounded to 6 decimals
 * @param percent spend as a percentage of the limit, rounded to 2 decimals
 * @param breached whether spend reached the limit
 * @param periodStart start of the current period, or {@code null} for per-session budgets over the
 *     session's life
 * @param periodEnd end of the current period, or {@code null}
 * @param periodKey the key a breach in this period is recorded under
 * @param sessionId the session measured, for per-session budgets with an open session
 * @param anomaly the anomaly check, or {@code null} without a multiplier
 * @param computedAt when
 */
public record BudgetStatus(
    CostBudget budget,
    double spendUsd,
    double percent,
    boolean breached,
    Instant periodStart,
    Instant periodEnd,
    String periodKey,
    String sessionId,
    Anomaly anomaly,
    Instant computedAt) {

  /**
   * The spend-anomaly check: today's spend against the mean daily spend of the previous 7 UTC days.
   *
   * @param todayUsd spend since today 00:00 UTC
   * @param dailyMeanUsd the previous 7 days' spend divided by 7
   * @param multiplier the budget's multiplier
   * @param detected {@code dailyMeanUsd > 0 && todayUsd > multiplier · dailyMeanUsd}
   */
  public record Anomaly(double todayUsd, double dailyMeanUsd, double multiplier, boolean detected) {

    /**
     * Applies the rule. A zero baseline never flags (any spend would be "infinitely" anomalous).
     *
     * @param todayUsd today's spend
     * @param previousSevenDaysUsd the previous 7 days' total spend
     * @param multiplier the multiplier
     * @return the check
     */
    public static Anomaly of(double todayUsd, double previousSevenDaysUsd, double multiplier) {
      double mean = previousSevenDaysUsd / 7;
      return new Anomaly(
          round6(todayUsd), round6(mean), multiplier, mean > 0 && todayUsd > multiplier * mean);
    }
  }

  /**
   * Rates a spend against a limit.
   *
   * @param spendUsd the spend
   * @param limitUsd the limit, &gt; 0
   * @return the percentage, rounded to 2 decimals
   */
  public static double percent(double spendUsd, double limitUsd) {
    return Math.round(spendUsd / limitUsd * 100 * 100) / 100.0;
  }

  /**
   * Tells whether a spend breaches a limit: it has reached it.
   *
   * @param spendUsd the spend
   * @param limitUsd the limit
   * @return {@code spendUsd >= limitUsd}
   */
  public static boolean breaches(double spendUsd, double limitUsd) {
    return spendUsd >= limitUsd;
  }

  static double round6(double v) {
    return Math.round(v * 1_000_000) / 1_000_000.0;
  }
}
