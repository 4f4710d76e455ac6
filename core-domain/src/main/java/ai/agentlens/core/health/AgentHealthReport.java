package ai.agentlens.core.health;

import java.time.Instant;
import java.util.List;

/**
 * One agent's health over a window (the reference's {@code HealthScore}).
 *
 * @param agentId the agent
 * @param overallScore weighted score 0–100, 2 decimals
 * @param trend direction against the previous window
 * @param trendDelta current minus previous overall score, 2 decimals
 * @param dimensions the five dimensions in wire order
 * @param from start of the window (inclusive)
 * @param to end of the window (the time of computation)
 * @param sessionCount sessions started in the window
 * @param computedAt when it was computed
 */
public record AgentHealthReport(
    String agentId,
    double overallScore,
    HealthTrend trend,
    double trendDelta,
    List<HealthDimension> dimensions,
    Instant from,
    Instant to,
    long sessionCount,
    Instant computedAt) {

  /** Copies the dimensions. */
  public AgentHealthReport {
    dimensions = List.copyOf(dimensions);
  }
}
