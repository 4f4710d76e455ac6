package ai.agentlens.core.budget.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded breach of a budget; at most one per (budget, period key, kind).
 *
 * @param id the breach's id
 * @param orgId the org
 * @param budgetId the budget
 * @param periodKey the period it happened in, e.g. {@code 2026-12-02} or {@code session:s1}
 * @param kind {@code limit} (spend reached the limit) or {@code anomaly} (today's spend spiked)
 * @param spendUsd the spend that breached
 * @param thresholdUsd the limit, or the multiplier times the daily mean
 * @param sessionId the session, for per-session budgets; else {@code null}
 * @param breachedAt when the check saw it
 * @param action the budget's action
 * @param actionExecuted whether the action took effect
 * @param actionResult what happened
 */
public record BudgetBreach(
    String id,
    String orgId,
    String budgetId,
    String periodKey,
    String kind,
    double spendUsd,
    double thresholdUsd,
    String sessionId,
    Instant breachedAt,
    BreachAction action,
    boolean actionExecuted,
    String actionResult) {

  /** A breach of the limit. */
  public static final String LIMIT = "limit";

  /** A spend anomaly. */
  public static final String ANOMALY = "anomaly";

  /** Rejects missing fields; truncates the time to microseconds. */
  public BudgetBreach {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(budgetId, "budgetId");
    Objects.requireNonNull(periodKey, "periodKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(breachedAt, "breachedAt");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actionResult, "actionResult");
    breachedAt = Times.micros(breachedAt);
  }
}
