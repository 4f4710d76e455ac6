package ai.agentlens.core.optimize;

import java.util.List;

/**
 * The answer of {@code GET /api/optimize/recommendations}.
 *
 * @param recommendations the best ones first, at most the asked limit
 * @param totalPotentialSavings the monthly savings of the returned recommendations, summed
 * @param period the analysed days
 * @param analyzedCalls paired calls (call + response) in the period
 */
public record OptimizationResult(
    List<CostRecommendation> recommendations,
    double totalPotentialSavings,
    int period,
    long analyzedCalls) {

  /** Copies the list. */
  public OptimizationResult {
    recommendations = List.copyOf(recommendations);
  }
}
