package ai.agentlens.core.budget;

import ai.agentlens.core.budget.InvalidBudgetException.Problem;
import ai.agentlens.core.budget.model.BreachAction;
import ai.agentlens.core.budget.model.BudgetPeriod;
import ai.agentlens.core.budget.model.BudgetScope;
import ai.agentlens.core.budget.model.CostBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns drafts into valid budgets: scope, period and action from their lists; {@code limitUsd} a
 * finite number &gt; 0; {@code agentId} required for agent scope (at most 200 characters); {@code
 * anomalyMultiplier} in [{@value #MIN_MULTIPLIER}, {@value #MAX_MULTIPLIER}] when given; {@code
 * enabled} defaults to {@code true} and {@code onBreach} to {@code alert}.
 */
public final class BudgetRules {

  /** Smallest anomaly multiplier. */
  public static final double MIN_MULTIPLIER = 1.5;

  /** Largest anomaly multiplier. */
  public static final double MAX_MULTIPLIER = 20;

  /** Longest agent id. */
  public static final int MAX_AGENT_ID = 200;

  private BudgetRules() {}

  /**
   * Validates a new budget.
   *
   * @param id its id
   * @param orgId its org
   * @param d the draft
   * @param now the creation time
   * @return the budget
   * @throws InvalidBudgetException naming every bad field
   */
  public static CostBudget create(String id, String orgId, BudgetDraft d, Instant now) {
    return build(id, orgId, d, null, now);
  }

  /**
   * Applies an update: present fields replace, absent ones keep their value.
   *
   * @param current the stored budget
   * @param d the draft
   * @param now the update time
   * @return the changed budget
   * @throws InvalidBudgetException naming every bad field
   */
  public static CostBudget update(CostBudget current, BudgetDraft d, Instant now) {
    return build(current.id(), current.orgId(), d, current, now);
  }

  private static CostBudget build(
      String id, String orgId, BudgetDraft d, CostBudget current, Instant now) {
    List<Problem> problems = new ArrayList<>();
    BudgetScope scope =
        pick(
            d.scope(),
            current == null ? null : current.scope(),
            "scope",
            problems,
            BudgetScope::parse,
            "must be one of session, agent");
    BudgetPeriod period =
        pick(
            d.period(),
            current == null ? null : current.period(),
            "period",
            problems,
            BudgetPeriod::parse,
            "must be one of session, daily, weekly, monthly");
    BreachAction action =
        pick(
            d.onBreach(),
            current == null ? BreachAction.ALERT : current.onBreach(),
            "onBreach",
            problems,
            BreachAction::parse,
            "must be one of alert, pause_agent, downgrade_model");
    Double limit =
        d.limitUsd() != null ? d.limitUsd() : current == null ? null : current.limitUsd();
    if (limit == null) {
      problems.add(new Problem("limitUsd", "is required"));
    } else if (!Double.isFinite(limit) || limit <= 0) {
      problems.add(new Problem("limitUsd", "must be a number > 0"));
    }
    String agent =
        d.agentId() != null ? d.agentId().trim() : current == null ? null : current.agentId();
    if (agent != null && agent.isEmpty()) {
      agent = null;
    }
    if (agent != null && agent.length() > MAX_AGENT_ID) {
      problems.add(new Problem("agentId", "must be at most " + MAX_AGENT_ID + " characters"));
    }
    if (scope == BudgetScope.AGENT && agent == null) {
      problems.add(new Problem("agentId", "is required when scope is agent"));
    }
    Double multiplier =
        d.clearAnomaly()
            ? null
            : d.anomalyMultiplier() != null
                ? d.anomalyMultiplier()
                : current == null ? null : current.anomalyMultiplier();
    if (multiplier != null
        && (!Double.isFinite(multiplier)
            || multiplier < MIN_MULTIPLIER
            || multiplier > MAX_MULTIPLIER)) {
      problems.add(
          new Problem(
              "anomalyMultiplier", "must be between " + MIN_MULTIPLIER + " and " + MAX_MULTIPLIER));
    }
    String target =
        d.targetModel() != null
            ? d.targetModel().trim()
            : current == null ? null : current.targetModel();
    if (target != null && target.isEmpty()) {
      target = null;
    }
    if (action == BreachAction.DOWNGRADE_MODEL && target == null) {
      problems.add(new Problem("targetModel", "is required when onBreach is downgrade_model"));
    } else if (target != null && target.length() > MAX_AGENT_ID) {
      problems.add(new Problem("targetModel", "must be at most " + MAX_AGENT_ID + " characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidBudgetException(problems);
    }
    boolean enabled = d.enabled() != null ? d.enabled() : current == null || current.enabled();
    return new CostBudget(
        id,
        orgId,
        scope,
        agent,
        period,
        limit,
        action,
        multiplier,
        enabled,
        current == null ? now : current.createdAt(),
        now,
        action == BreachAction.DOWNGRADE_MODEL ? target : null);
  }

  private static <T> T pick(
      String wire,
      T fallback,
      String field,
      List<Problem> problems,
      java.util.function.Function<String, Optional<T>> parse,
      String message) {
    if (wire == null) {
      if (fallback == null) {
        problems.add(new Problem(field, "is required"));
      }
      return fallback;
    }
    Optional<T> parsed = parse.apply(wire);
    if (parsed.isEmpty()) {
      problems.add(new Problem(field, message));
      return null;
    }
    return parsed.get();
  }
}
