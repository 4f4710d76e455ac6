package ai.agentlens.core.health;

import java.util.List;

/**
 * The health score (reference §4.3.3) as a pure function: five dimensions from a window's sample
 * and its baseline's means, each 0–100, and their weighted sum. Thread-safe, stateless.
 */
public final class HealthScorer {

  /** A change of more than this many points is a trend; at most this is stable. */
  public static final double TREND_THRESHOLD = 5.0;

  private HealthScorer() {}

  /**
   * Scores one window.
   *
   * @param window the window's sample; must hold at least one session
   * @param baseline the baseline's sample (its sessions' cost and duration means)
   * @param w the weights
   * @return the dimensions in wire order and the overall score
   */
  public static Scored score(HealthSample window, HealthSample baseline, HealthWeights w) {
    if (window.sessionCount() <= 0) {
      throw new IllegalArgumentException("a health score needs at least one session");
    }
    double n = window.sessionCount();
    double errorRate = window.erroredSessions() / n;
    double completion = window.completedSessions() / n;
    double toolRate =
        window.toolCalls() == 0
            ? 1.0
            : (window.toolCalls() - window.toolFailures()) / (double) window.toolCalls();
    double latencyMean = window.meanDurationMs() == null ? 0 : window.meanDurationMs();
    List<HealthDimension> dims =
        List.of(
            dim(
                "error_rate",
                (1 - errorRate) * 100,
                w.errorRate(),
                errorRate,
                "Fraction of sessions with at least one error"),
            dim(
                "cost_efficiency",
                relative(window.meanCostUsd(), baseline.meanCostUsd(), 100),
                w.costEfficiency(),
                window.meanCostUsd(),
                "Mean cost per session (USD) against the 30-day baseline"),
            dim(
                "tool_success",
                toolRate * 100,
                w.toolSuccess(),
                toolRate,
                "Fraction of tool calls that did not fail"),
            dim(
                "latency",
                window.meanDurationMs() == null || baseline.meanDurationMs() == null
                    ? 100
                    : relative(window.meanDurationMs(), baseline.meanDurationMs(), 50),
                w.latency(),
                latencyMean,
                "Mean duration of ended sessions (ms) against the 30-day baseline"),
            dim(
                "completion_rate",
                completion * 100,
                w.completionRate(),
                completion,
                "Fraction of sessions completed"));
    double overall = 0;
    for (HealthDimension d : dims) {
      overall += d.score() * d.weight();
    }
    return new Scored(round2(clamp(overall)), dims);
  }

  /**
   * Classifies the change from the previous window's overall score.
   *
   * @param current this window's overall score
   * @param previous the previous window's overall score, or {@code null} when it had no sessions
   * @return the trend and its delta (2 decimals; 0 without a previous window)
   */
  public static Trend trend(double current, Double previous) {
    if (previous == null) {
      return new Trend(HealthTrend.STABLE, 0);
    }
    double delta = round2(current - previous);
    HealthTrend t =
        delta > TREND_THRESHOLD
            ? HealthTrend.IMPROVING
            : delta < -TREND_THRESHOLD ? HealthTrend.DEGRADING : HealthTrend.STABLE;
    return new Trend(t, delta);
  }

  // why: the reference divides by the baseline mean, so a zero (or absent) mean scores 100
  private static double relative(double win, double base, double slope) {
    if (base <= 0 || win <= 0) {
      return 100;
    }
    return 100 - (win / base - 1) * slope;
  }

  private static HealthDimension dim(
      String name, double score, double weight, double raw, String description) {
    return new HealthDimension(name, round2(clamp(score)), weight, raw, description);
  }

  static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /**
   * A window's score.
   *
   * @param overallScore weighted sum of the dimension scores, clamped to 0–100, 2 decimals
   * @param dimensions the five dimensions in wire order
   */
  public record Scored(double overallScore, List<HealthDimension> dimensions) {}

  /**
   * A trend and its delta.
   *
   * @param trend the direction
   * @param delta current minus previous overall score, 2 decimals
   */
  public record Trend(HealthTrend trend, double delta) {}
}
