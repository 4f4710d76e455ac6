package ai.agentlens.core.optimize;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.cost.CostAnalytics;
import java.time.Duration;
import java.time.Instant;

/**
 * The use case behind {@code GET /api/optimize/recommendations}: read the groups, apply the rules.
 */
public final class CostRecommendations {

  /** Smallest period, days. */
  public static final int MIN_PERIOD = 1;

  /** Largest period, days. */
  public static final int MAX_PERIOD = 90;

  /** Default period, days. */
  public static final int DEFAULT_PERIOD = 7;

  /** Smallest limit. */
  public static final int MIN_LIMIT = 1;

  /** Largest limit. */
  public static final int MAX_LIMIT = 50;

  /** Default limit. */
  public static final int DEFAULT_LIMIT = 10;

  private final CostAnalytics analytics;
  private final Clock clock;

  /**
   * Creates the use case.
   *
   * @param analytics the cost reads
   * @param clock the time
   */
  public CostRecommendations(CostAnalytics analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  /**
   * Recommends cheaper models for an org's calls of the last {@code period} days.
   *
   * @param orgId the org
   * @param agentId only this agent's calls, or {@code null}
   * @param period days back from now, in [{@value #MIN_PERIOD}, {@value #MAX_PERIOD}]
   * @param limit the most recommendations, in [{@value #MIN_LIMIT}, {@value #MAX_LIMIT}]
   * @return the result
   * @throws IllegalArgumentException for a period or limit out of range
   */
  public OptimizationResult recommend(String orgId, String agentId, int period, int limit) {
    if (period < MIN_PERIOD || period > MAX_PERIOD || limit < MIN_LIMIT || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("period or limit out of range");
    }
    Instant to = clock.now();
    Instant from = to.minus(Duration.ofDays(period));
    return CostOptimizer.recommend(
        analytics.callGroups(orgId, agentId, from, to), period, limit, agentId);
  }
}
