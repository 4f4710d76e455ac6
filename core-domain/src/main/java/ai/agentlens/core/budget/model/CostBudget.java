package ai.agentlens.core.budget.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * A cost budget (reference §4.3.11): a spending limit over a scope and period, with what to do on a
 * breach and an optional spend-anomaly multiplier.
 *
 * @param id the budget's id
 * @param orgId its org
 * @param scope session or agent
 * @param agentId the agent it watches; required for agent scope, optional (all agents) for session
 * @param period session, daily, weekly or monthly
 * @param limitUsd the limit, &gt; 0
 * @param onBreach the action
 * @param anomalyMultiplier today's spend above this many times the previous 7 days' daily mean is a
 *     breach too; {@code null} for no anomaly check
 * @param enabled whether the periodic check looks at it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param targetModel the model a {@code downgrade_model} breach switches the agent to; {@code null}
 *     for the other actions
 */
public record CostBudget(
    String id,
    String orgId,
    BudgetScope scope,
    String agentId,
    BudgetPeriod period,
    double limitUsd,
    BreachAction onBreach,
    Double anomalyMultiplier,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt,
    String targetModel) {

  /** Rejects missing fields; truncates the times to microseconds. */
  public CostBudget {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(onBreach, "onBreach");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    // why: stored times keep microseconds; a budget reads back equal to the one written
    createdAt = Times.micros(createdAt);
    updatedAt = Times.micros(updatedAt);
  }

  /**
   * A budget without a target model.
   *
   * @param id the budget's id
   * @param orgId its org
   * @param scope session or agent
   * @param agentId the agent, or {@code null}
   * @param period the period
   * @param limitUsd the limit
   * @param onBreach the action
   * @param anomalyMultiplier the multiplier, or {@code null}
   * @param enabled whether enabled
   * @param createdAt when created
   * @param updatedAt when last changed
   */
  public CostBudget(
      String id,
      String orgId,
      BudgetScope scope,
      String agentId,
      BudgetPeriod period,
      double limitUsd,
      BreachAction onBreach,
      Double anomalyMultiplier,
      boolean enabled,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        orgId,
        scope,
        agentId,
        period,
        limitUsd,
        onBreach,
        anomalyMultiplier,
        enabled,
        createdAt,
        updatedAt,
        null);
  }

  /**
   * Tells whether the budget caps one session's spend (session scope or session period).
   *
   * @return {@code true} when it measures the most expensive open session
   */
  public boolean perSession() {
    return scope == BudgetScope.SESSION || period == BudgetPeriod.SESSION;
  }
}
