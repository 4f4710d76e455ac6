package ai.agentlens.web.dashboard.view;

import ai.agentlens.core.optimize.OptimizationResult;
import java.util.List;

/**
 * The cost page: cheaper-model recommendations and the cost budgets with their spend.
 *
 * @param layout the frame
 * @param period the analysed days
 * @param periods the period choices
 * @param result the recommendations
 * @param budgets the budgets with their current spend
 * @param canManage whether the role creates and deletes budgets
 */
public record CostPage(
    Layout layout,
    int period,
    List<SessionsPage.Option> periods,
    OptimizationResult result,
    List<Budget> budgets,
    boolean canManage) {

  /**
   * One budget row.
   *
   * @param id the budget id
   * @param what scope and agent, e.g. {@code agent support-bot}
   * @param period the period's wire name
   * @param limit the limit, formatted
   * @param spend the current spend, formatted
   * @param spendValue the spend for the meter, capped at the limit
   * @param limitValue the limit for the meter
   * @param percent the spend as a percentage of the limit, formatted
   * @param breached whether the limit is reached
   * @param onBreach the action's wire name
   * @param enabled whether the check watches it
   */
  public record Budget(
      String id,
      String what,
      String period,
      String limit,
      String spend,
      double spendValue,
      double limitValue,
      String percent,
      boolean breached,
      String onBreach,
      boolean enabled) {}

  /**
   * Formats a USD amount for the table.
   *
   * @param usd the amount
   * @return e.g. {@code $0.2719}
   */
  public String usd(double usd) {
    return Fmt.usd(usd);
  }

  /**
   * Formats a cost per call with six decimals (a cheap model's call costs a fraction of a cent).
   *
   * @param usd the amount
   * @return e.g. {@code $0.000135}
   */
  public String perCall(double usd) {
    return String.format(java.util.Locale.ROOT, "$%.6f", usd);
  }

  /**
   * Formats a rate in [0, 1] as a percentage.
   *
   * @param rate the rate
   * @return e.g. {@code 98.0 %}
   */
  public String pct(double rate) {
    return String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
  }
}
