package ai.agentlens.core.health;

/**
 * The weights of the five health dimensions (reference §4.3.3). They must sum to 0.95–1.05.
 *
 * @param errorRate weight of {@code error_rate}
 * @param costEfficiency weight of {@code cost_efficiency}
 * @param toolSuccess weight of {@code tool_success}
 * @param latency weight of {@code latency}
 * @param completionRate weight of {@code completion_rate}
 */
public record HealthWeights(
    double errorRate,
    double costEfficiency,
    double toolSuccess,
    double latency,
    double completionRate) {

  /** The reference defaults: 0.30, 0.20, 0.20, 0.15, 0.15. */
  public static final HealthWeights DEFAULT = new HealthWeights(0.30, 0.20, 0.20, 0.15, 0.15);

  /** Refuses negative weights and sums outside 0.95–1.05. */
  public HealthWeights {
    double[] all = {errorRate, costEfficiency, toolSuccess, latency, completionRate};
    double sum = 0;
    for (double w : all) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("health weights must be non-negative numbers");
      }
      sum += w;
    }
    if (sum < 0.95 - 1e-9 || sum > 1.05 + 1e-9) {
      throw new IllegalArgumentException("health weights must sum to 0.95-1.05, got " + sum);
    }
  }
}
