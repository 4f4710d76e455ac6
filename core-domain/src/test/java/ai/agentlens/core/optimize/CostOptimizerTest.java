package ai.agentlens.core.optimize;

import static ai.agentlens.core.optimize.model.ComplexityTier.COMPLEX;
import static ai.agentlens.core.optimize.model.ComplexityTier.EXPERT;
import static ai.agentlens.core.optimize.model.ComplexityTier.MODERATE;
import static ai.agentlens.core.optimize.model.ComplexityTier.SIMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.agentlens.core.optimize.model.CallGroup;
import ai.agentlens.core.optimize.model.ComplexityTier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed examples for the optimizer. The base case: calls of 500 input and 100 output
 * tokens; gpt-4o costs (2.50·500 + 10.00·100) / 10⁶ = $0.00225 a call, gpt-4o-mini (0.15·500 +
 * 0.60·100) / 10⁶ = $0.000135; 30 gpt-4o calls over 7 days save (0.00225 − 0.000135)·30·30/7 =
 * $0.271929 a month.
 */
class CostOptimizerTest {

  private static final double A = 0.00225;
  private static final double B = 0.000135;

  private static CallGroup group(
      String model, ComplexityTier tier, long calls, long ok, double each) {
    return new CallGroup(model, tier, calls, ok, each * calls, 500 * calls, 100 * calls, 1, "bot");
  }

  private static OptimizationResult run(int period, CallGroup... groups) {
    return CostOptimizer.recommend(List.of(groups), period, 10, null);
  }

  @Test
  void classifiesEveryTierAtItsBoundaries() {
    assertThat(ComplexityTier.classify(999L, 0)).isEqualTo(SIMPLE);
    assertThat(ComplexityTier.classify(0L, 0)).isEqualTo(SIMPLE);
    assertThat(ComplexityTier.classify(1000L, 0)).isEqualTo(MODERATE);
    assertThat(ComplexityTier.classify(999L, 1)).isEqualTo(MODERATE);
    assertThat(ComplexityTier.classify(null, 0)).isEqualTo(MODERATE);
    assertThat(ComplexityTier.classify(10_000L, 5)).isEqualTo(MODERATE);
    assertThat(ComplexityTier.classify(10_001L, 0)).isEqualTo(COMPLEX);
    assertThat(ComplexityTier.classify(0L, 6)).isEqualTo(COMPLEX);
    assertThat(ComplexityTier.classify(null, 6)).isEqualTo(COMPLEX);
    assertThat(ComplexityTier.classify(50_000L, 15)).isEqualTo(COMPLEX);
    assertThat(ComplexityTier.classify(50_001L, 0)).isEqualTo(EXPERT);
    assertThat(ComplexityTier.classify(0L, 16)).isEqualTo(EXPERT);
    assertThat(ComplexityTier.classify(null, 16)).isEqualTo(EXPERT);
    assertThat(ComplexityTier.fromWire("complex")).isEqualTo(COMPLEX);
    assertThat(EXPERT.wireName()).isEqualTo("expert");
  }

  @Test
  void confidenceFollowsTheCallVolume() {
    assertThat(Confidence.of(49)).isEqualTo(Confidence.LOW);
    assertThat(Confidence.of(50)).isEqualTo(Confidence.MEDIUM);
    assertThat(Confidence.of(200)).isEqualTo(Confidence.MEDIUM);
    assertThat(Confidence.of(201)).isEqualTo(Confidence.HIGH);
  }

  @Test
  void recommendsTheCheaperSiblingWithTheHandComputedSavings() {
    OptimizationResult r =
        run(7, group("gpt-4o", SIMPLE, 30, 30, A), group("gpt-4o-mini", SIMPLE, 30, 30, B));
    assertThat(r.recommendations()).hasSize(1);
    CostRecommendation c = r.recommendations().get(0);
    assertThat(c.currentModel()).isEqualTo("gpt-4o");
    assertThat(c.recommendedModel()).isEqualTo("gpt-4o-mini");
    assertThat(c.complexityTier()).isEqualTo(SIMPLE);
    assertThat(c.currentCostPerCall()).isEqualTo(0.00225);
    assertThat(c.recommendedCostPerCall()).isEqualTo(0.000135);
    assertThat(c.monthlySavings()).isEqualTo(0.271929);
    assertThat(c.callVolume()).isEqualTo(30);
    assertThat(c.currentSuccessRate()).isEqualTo(1.0);
    assertThat(c.recommendedSuccessRate()).isEqualTo(1.0);
    assertThat(c.confidence()).isEqualTo(Confidence.LOW);
    assertThat(c.agentId()).isEqualTo("bot");
    assertThat(r.totalPotentialSavings()).isEqualTo(0.271929);
    assertThat(r.analyzedCalls()).isEqualTo(60);
    assertThat(r.period()).isEqualTo(7);
  }

  @Test
  void aShortPeriodIsNotExtrapolatedAndHasLowConfidence() {
    // 300 calls over 3 days: (0.00225 − 0.000135)·300 = 0.6345, not ·30/3
    OptimizationResult r =
        run(3, group("gpt-4o", SIMPLE, 300, 300, A), group("gpt-4o-mini", SIMPLE, 30, 30, B));
    assertThat(r.recommendations().get(0).monthlySavings()).isEqualTo(0.6345);
    assertThat(r.recommendations().get(0).confidence()).isEqualTo(Confidence.LOW);
    // the same over 30 days: 0.6345·30/30, and 300 calls are high confidence
    OptimizationResult month =
        run(30, group("gpt-4o", SIMPLE, 300, 300, A), group("gpt-4o-mini", SIMPLE, 30, 30, B));
    assertThat(month.recommendations().get(0).monthlySavings()).isEqualTo(0.6345);
    assertThat(month.recommendations().get(0).confidence()).isEqualTo(Confidence.HIGH);
    OptimizationResult medium =
        run(7, group("gpt-4o", SIMPLE, 60, 60, A), group("gpt-4o-mini", SIMPLE, 30, 30, B));
    assertThat(medium.recommendations().get(0).confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void expertCallsAreNeverDowngraded() {
    assertThat(
            run(7, group("gpt-4o", EXPERT, 30, 30, A), group("gpt-4o-mini", EXPERT, 30, 30, B))
                .recommendations())
        .isEmpty();
  }

  @Test
  void bothGroupsNeedTwentyCalls() {
    assertThat(
            run(7, group("gpt-4o", SIMPLE, 19, 19, A), group("gpt-4o-mini", SIMPLE, 30, 30, B))
                .recommendations())
        .isEmpty();
    assertThat(
            run(7, group("gpt-4o", SIMPLE, 30, 30, A), group("gpt-4o-mini", SIMPLE, 19, 19, B))
                .recommendations())
        .isEmpty();
    assertThat(
            run(7, group("gpt-4o", SIMPLE, 20, 20, A), group("gpt-4o-mini", SIMPLE, 20, 20, B))
                .recommendations())
        .hasSize(1);
  }

  @Test
  void theCandidateNeedsNinetyEightPercentSuccess() {
    // 49/50 = 0.98 passes, 29/30 = 0.9667 does not; the current model's own rate does not matter
    CostRecommendation c =
        run(7, group("gpt-4o", SIMPLE, 30, 15, A), group("gpt-4o-mini", SIMPLE, 50, 49, B))
            .recommendations()
            .get(0);
    assertThat(c.recommendedSuccessRate()).isEqualTo(0.98);
    assertThat(c.currentSuccessRate()).isEqualTo(0.5);
    assertThat(
            run(7, group("gpt-4o", SIMPLE, 30, 30, A), group("gpt-4o-mini", SIMPLE, 30, 29, B))
                .recommendations())
        .isEmpty();
  }

  @Test
  void onlyAllowedSwitchesAtTheSameTier() {
    // gpt-4o → gpt-4.1-nano is not in the table; the mini's calls are moderate, not simple
    assertThat(
            run(7, group("gpt-4o", SIMPLE, 30, 30, A), group("gpt-4.1-nano", SIMPLE, 30, 30, B))
                .recommendations())
        .isEmpty();
    assertThat(
            run(7, group("gpt-4o", SIMPLE, 30, 30, A), group("gpt-4o-mini", MODERATE, 30, 30, B))
                .recommendations())
        .isEmpty();
    // never upwards
    assertThat(
            run(7, group("gpt-4o-mini", SIMPLE, 30, 30, B), group("gpt-4o", SIMPLE, 30, 30, A))
                .recommendations())
        .hasSize(1)
        .allMatch(r -> r.currentModel().equals("gpt-4o"));
  }

  @Test
  void datedAndPrefixedNamesMatchTheTable() {
    assertThat(DowngradePaths.canonical("openai/GPT-4o-2024-08-06")).isEqualTo("gpt-4o");
    assertThat(DowngradePaths.canonical("gpt-4o-mini-2024-07-18")).isEqualTo("gpt-4o-mini");
    assertThat(DowngradePaths.canonical("claude-haiku-4-5-20251001")).isEqualTo("claude-haiku-4-5");
    assertThat(DowngradePaths.canonical("llama-3")).isEqualTo("llama-3");
    assertThat(DowngradePaths.allows("claude-sonnet-4-6", "claude-haiku-4-5-20251001")).isTrue();
    assertThat(DowngradePaths.allows("claude-sonnet-4-20250514", "claude-3-5-haiku")).isTrue();
    assertThat(DowngradePaths.allows("gpt-4o-mini", "gpt-4o-mini")).isFalse();
    assertThat(DowngradePaths.allows("llama-3", "gpt-4o-mini")).isFalse();
    assertThat(
            run(
                    7,
                    group("gpt-4o-2024-08-06", SIMPLE, 30, 30, A),
                    group("gpt-4o-mini-2024-07-18", SIMPLE, 30, 30, B))
                .recommendations())
        .hasSize(1);
  }

  @Test
  void noRecommendationWhenTheCheaperModelCostMoreInPractice() {
    // list prices say the mini is cheaper, but its observed calls cost more: savings ≤ 0
    assertThat(
            run(7, group("gpt-4o", SIMPLE, 30, 30, B), group("gpt-4o-mini", SIMPLE, 30, 30, A))
                .recommendations())
        .isEmpty();
    assertThat(
            run(7, group("gpt-4o", SIMPLE, 30, 30, A), group("gpt-4o-mini", SIMPLE, 30, 30, A))
                .recommendations())
        .isEmpty();
  }

  @Test
  void blendedPriceWeighsListPricesByTheCurrentTrafficElseObservedCost() {
    CallGroup a = group("gpt-4o", SIMPLE, 30, 30, A);
    // 5:1 input:output: 2.50·5/6 + 10.00·1/6 = 3.75; the mini at the same mix 0.15·5/6 + 0.60/6
    assertThat(CostOptimizer.blendedPrice(a, a).getAsDouble()).isCloseTo(3.75, within(1e-9));
    assertThat(CostOptimizer.blendedPrice(group("gpt-4o-mini", SIMPLE, 30, 30, B), a).getAsDouble())
        .isCloseTo(0.225, within(1e-9));
    // no tokens reported: 3:1, 2.50·0.75 + 10.00·0.25 = 4.375
    CallGroup silent = new CallGroup("gpt-4o", SIMPLE, 20, 20, 0.1, 0, 0, 1, "bot");
    assertThat(CostOptimizer.blendedPrice(silent, silent).getAsDouble())
        .isCloseTo(4.375, within(1e-9));
    // not in the price table: observed $0.006 over 600 tokens → $10 per million
    CallGroup custom = new CallGroup("my-llm", SIMPLE, 1, 1, 0.006, 500, 100, 1, "bot");
    assertThat(CostOptimizer.blendedPrice(custom, a).getAsDouble()).isCloseTo(10.0, within(1e-9));
    CallGroup free = new CallGroup("my-llm", SIMPLE, 1, 1, 0, 500, 100, 1, "bot");
    assertThat(CostOptimizer.blendedPrice(free, a)).isEmpty();
  }

  @Test
  void sortedBySavingsLimitedAndTotalled() {
    // gpt-4.1 → mini: (0.002 − 0.0004)·40·30/10 = 0.192; gpt-4.1 → nano: (0.002 − 0.0001)·40·3
    // = 0.228; gpt-4.1-mini → nano: (0.0004 − 0.0001)·40·3 = 0.036
    List<CallGroup> groups =
        List.of(
            group("gpt-4.1", MODERATE, 40, 40, 0.002),
            group("gpt-4.1-mini", MODERATE, 40, 40, 0.0004),
            group("gpt-4.1-nano", MODERATE, 40, 40, 0.0001));
    OptimizationResult all = CostOptimizer.recommend(groups, 10, 10, null);
    assertThat(all.recommendations())
        .extracting(CostRecommendation::monthlySavings)
        .containsExactly(0.228, 0.192, 0.036);
    assertThat(all.totalPotentialSavings()).isEqualTo(0.456);
    OptimizationResult two = CostOptimizer.recommend(groups, 10, 2, "bot-x");
    assertThat(two.recommendations())
        .extracting(CostRecommendation::recommendedModel)
        .containsExactly("gpt-4.1-nano", "gpt-4.1-mini");
    assertThat(two.totalPotentialSavings()).isEqualTo(0.42);
    assertThat(two.recommendations()).allMatch(r -> r.agentId().equals("bot-x"));
    assertThat(two.analyzedCalls()).isEqualTo(120);
  }

  @Test
  void theAgentIsEmptyWhenSeveralAgentsMadeTheCalls() {
    CallGroup shared = new CallGroup("gpt-4o", SIMPLE, 30, 30, 30 * A, 15000, 3000, 2, "a1");
    OptimizationResult r =
        CostOptimizer.recommend(
            List.of(shared, group("gpt-4o-mini", SIMPLE, 30, 30, B)), 7, 10, null);
    assertThat(r.recommendations().get(0).agentId()).isEmpty();
  }

  @Test
  void rejectsImpossibleInput() {
    assertThatThrownBy(() -> CostOptimizer.recommend(List.of(), 0, 10, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallGroup("m", SIMPLE, 0, 0, 0, 0, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallGroup("m", SIMPLE, 1, 2, 0, 0, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    OptimizationResult empty = CostOptimizer.recommend(List.of(), 7, 10, null);
    assertThat(empty.recommendations()).isEmpty();
    assertThat(empty.totalPotentialSavings()).isZero();
    assertThat(empty.analyzedCalls()).isZero();
  }
}
