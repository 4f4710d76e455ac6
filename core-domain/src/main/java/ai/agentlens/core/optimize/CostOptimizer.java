package ai.agentlens.core.optimize;

import ai.agentlens.core.enrich.ModelPrices;
import ai.agentlens.core.optimize.model.CallGroup;
import ai.agentlens.core.optimize.model.ComplexityTier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The recommendation rules of reference §4.3.8, as a pure function of the grouped calls. Model
 * {@code A} at a tier may be switched to {@code B} when: the tier is not expert; both groups have
 * at least {@value #MIN_CALLS} calls at that tier; {@link DowngradePaths} allows {@code A → B};
 * {@code B}'s blended per-token price is lower than {@code A}'s; {@code B}'s success rate is at
 * least {@value #SUCCESS_FLOOR}; and the monthly savings are positive.
 *
 * <p>Blended price: list prices from the versioned {@link ModelPrices} table (the one ingestion
 * prices calls with), input and output weighted by {@code A}'s observed input/output token ratio —
 * the traffic that would move — for both models (3:1 when {@code A} reported no tokens); a model
 * not in the table is priced by its observed cost per token; without either it is not compared.
 */
public final class CostOptimizer {

  /** Calls each group needs at a tier. */
  public static final long MIN_CALLS = 20;

  /** The lowest success rate a recommended model may have. */
  public static final double SUCCESS_FLOOR = 0.98;

  /** Periods shorter than this many days are not extrapolated to a month. */
  public static final int MIN_EXTRAPOLATED_PERIOD = 7;

  private CostOptimizer() {}

  /**
   * Computes the recommendations.
   *
   * @param groups every (model, tier) group of the period
   * @param period the period in days, &gt;= 1
   * @param limit the most recommendations to return, &gt;= 1
   * @param agentId the agent the groups were restricted to, or {@code null} for the whole org
   * @return the recommendations, largest savings first
   */
  public static OptimizationResult recommend(
      List<CallGroup> groups, int period, int limit, String agentId) {
    if (period < 1 || limit < 1) {
      throw new IllegalArgumentException("period and limit must be >= 1");
    }
    List<CostRecommendation> out = new ArrayList<>();
    for (CallGroup a : groups) {
      if (a.tier() == ComplexityTier.EXPERT || a.calls() < MIN_CALLS) {
        continue;
      }
      for (CallGroup b : groups) {
        candidate(a, b, period, agentId).ifPresent(out::add);
      }
    }
    out.sort(
        Comparator.comparingDouble(CostRecommendation::monthlySavings)
            .reversed()
            .thenComparing(CostRecommendation::currentModel)
            .thenComparing(CostRecommendation::complexityTier)
            .thenComparing(CostRecommendation::recommendedModel));
    List<CostRecommendation> top = out.subList(0, Math.min(limit, out.size()));
    double total = 0;
    for (CostRecommendation r : top) {
      total += r.monthlySavings();
    }
    long analyzed = groups.stream().mapToLong(CallGroup::calls).sum();
    return new OptimizationResult(top, cost(total), period, analyzed);
  }

  private static java.util.Optional<CostRecommendation> candidate(
      CallGroup a, CallGroup b, int period, String agentId) {
    if (b.tier() != a.tier()
        || b.model().equals(a.model())
        || b.calls() < MIN_CALLS
        || !DowngradePaths.allows(a.model(), b.model())
        || b.successRate() < SUCCESS_FLOOR) {
      return java.util.Optional.empty();
    }
    OptionalDouble priceA = blendedPrice(a, a);
    OptionalDouble priceB = blendedPrice(b, a);
    if (priceA.isEmpty() || priceB.isEmpty() || priceB.getAsDouble() >= priceA.getAsDouble()) {
      return java.util.Optional.empty();
    }
    double perPeriod = (a.costPerCall() - b.costPerCall()) * a.calls();
    boolean shortPeriod = period < MIN_EXTRAPOLATED_PERIOD;
    double monthly = shortPeriod ? perPeriod : perPeriod * 30 / period;
    double rounded = cost(monthly);
    if (rounded <= 0) {
      return java.util.Optional.empty();
    }
    String agent = agentId != null ? agentId : a.agents() == 1 ? a.sampleAgentId() : "";
    return java.util.Optional.of(
        new CostRecommendation(
            a.model(),
            b.model(),
            a.tier(),
            cost(a.costPerCall()),
            cost(b.costPerCall()),
            rounded,
            a.calls(),
            rate(a.successRate()),
            rate(b.successRate()),
            shortPeriod ? Confidence.LOW : Confidence.of(a.calls()),
            agent));
  }

  /**
   * Prices a model per million tokens for a given traffic mix.
   *
   * @param group the model's calls (its observed cost is the fallback price)
   * @param mix the calls whose input/output ratio weighs the list prices
   * @return USD per million tokens, or empty when the model is neither listed nor observed
   */
  static OptionalDouble blendedPrice(CallGroup group, CallGroup mix) {
    var listed = ModelPrices.find(group.model());
    if (listed.isPresent()) {
      long tokens = mix.inputTokens() + mix.outputTokens();
      double in = tokens > 0 ? (double) mix.inputTokens() / tokens : 0.75;
      return OptionalDouble.of(
          listed.get().inputPerMillion().doubleValue() * in
              + listed.get().outputPerMillion().doubleValue() * (1 - in));
    }
    long tokens = group.inputTokens() + group.outputTokens();
    if (tokens > 0 && group.costUsd() > 0) {
      return OptionalDouble.of(group.costUsd() / tokens * 1_000_000);
    }
    return OptionalDouble.empty();
  }

  private static double cost(double v) {
    return Math.round(v * 1_000_000) / 1_000_000.0;
  }

  private static double rate(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
