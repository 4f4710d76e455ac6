package ai.agentlens.core.budget;

import ai.agentlens.core.budget.BudgetStatus.Anomaly;
import ai.agentlens.core.budget.model.BudgetPeriod;
import ai.agentlens.core.budget.model.CostBudget;
import ai.agentlens.core.budget.model.SessionSpend;
import ai.agentlens.core.port.cost.CostAnalytics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Measures a budget's spend now: an agent (or org) budget sums the period's {@code llm_response}
 * costs; a per-session budget ({@link CostBudget#perSession}) takes the most expensive open session
 * (started in the current period unless the period is {@code session}). The anomaly check compares
 * today's spend with the mean of the previous 7 UTC days.
 */
public final class BudgetMeter {

  private final CostAnalytics analytics;

  /**
   * Creates the meter.
   *
   * @param analytics the cost reads
   */
  public BudgetMeter(CostAnalytics analytics) {
    this.analytics = analytics;
  }

  /**
   * Measures one budget.
   *
   * @param b the budget
   * @param now the time
   * @return its status
   */
  public BudgetStatus status(CostBudget b, Instant now) {
    Instant start = b.period().start(now);
    Instant end = b.period().end(now);
    String key = b.period().key(now);
    double spend;
    String sessionId = null;
    if (b.perSession()) {
      Optional<SessionSpend> top = analytics.topOpenSession(b.orgId(), b.agentId(), start);
      spend = top.map(SessionSpend::costUsd).orElse(0.0);
      sessionId = top.map(SessionSpend::sessionId).orElse(null);
      key = b.period() == BudgetPeriod.SESSION ? "session:" + sessionId : key + ":" + sessionId;
    } else {
      spend = analytics.spend(b.orgId(), b.agentId(), start, end);
    }
    spend = BudgetStatus.round6(spend);
    Anomaly anomaly = null;
    if (b.anomalyMultiplier() != null) {
      Instant today = BudgetPeriod.DAILY.start(now);
      anomaly =
          Anomaly.of(
              analytics.spend(b.orgId(), b.agentId(), today, BudgetPeriod.DAILY.end(now)),
              analytics.spend(b.orgId(), b.agentId(), today.minus(Duration.ofDays(7)), today),
              b.anomalyMultiplier());
    }
    return new BudgetStatus(
        b,
        spend,
        BudgetStatus.percent(spend, b.limitUsd()),
        (sessionId != null || !b.perSession()) && BudgetStatus.breaches(spend, b.limitUsd()),
        start,
        end,
        key,
        sessionId,
        anomaly,
        now);
  }
}
