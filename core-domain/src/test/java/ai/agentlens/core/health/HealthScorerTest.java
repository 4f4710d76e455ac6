package ai.agentlens.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.health.HealthScorer.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for every branch of {@link HealthScorer}. */
class HealthScorerTest {

  private static final HealthSample NO_BASELINE = new HealthSample(0, 0, 0, 0, null, 0, 0);

  private static double score(Scored s, String name) {
    return s.dimensions().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow()
        .score();
  }

  private static double raw(Scored s, String name) {
    return s.dimensions().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow()
        .rawValue();
  }

  @Test
  void perfectWindowWithoutBaselineScores100Everywhere() {
    HealthSample w = new HealthSample(4, 0, 4, 0.5, 1000.0, 0, 0);
    Scored s = HealthScorer.score(w, NO_BASELINE, HealthWeights.DEFAULT);
    assertThat(s.dimensions())
        .extracting(HealthDimension::name)
        .containsExactly(
            "error_rate", "cost_efficiency", "tool_success", "latency", "completion_rate");
    assertThat(s.dimensions()).allSatisfy(d -> assertThat(d.score()).isEqualTo(100.0));
    assertThat(s.dimensions())
        .extracting(HealthDimension::weight)
        .containsExactly(0.30, 0.20, 0.20, 0.15, 0.15);
    assertThat(s.overallScore()).isEqualTo(100.0);
  }

  @Test
  void errorRateIsTheFractionOfSessionsWithErrors() {
    // 1 of 4 sessions errored: rate 0.25, score 75
    Scored s =
        HealthScorer.score(
            new HealthSample(4, 1, 4, 0, null, 0, 0), NO_BASELINE, HealthWeights.DEFAULT);
    assertThat(raw(s, "error_rate")).isEqualTo(0.25);
    assertThat(score(s, "error_rate")).isEqualTo(75.0);
    // 0.3*75 + 0.2*100 + 0.2*100 + 0.15*100 + 0.15*100 = 92.5
    assertThat(s.overallScore()).isEqualTo(92.5);
  }

  @Test
  void costEfficiencyComparesTheMeanWithTheBaseline() {
    HealthSample base = new HealthSample(5, 0, 5, 1.0, null, 0, 0);
    // 1.5 / 1.0 - 1 = 0.5 → 100 - 50 = 50
    assertThat(score(HealthScorer.score(cost(1.5), base, HealthWeights.DEFAULT), "cost_efficiency"))
        .isEqualTo(50.0);
    // cheaper than baseline: 100 + 50 clamped to 100
    assertThat(score(HealthScorer.score(cost(0.5), base, HealthWeights.DEFAULT), "cost_efficiency"))
        .isEqualTo(100.0);
    // three times the baseline: 100 - 200 clamped to 0
    Scored expensive = HealthScorer.score(cost(3.0), base, HealthWeights.DEFAULT);
    assertThat(score(expensive, "cost_efficiency")).isEqualTo(0.0);
    assertThat(raw(expensive, "cost_efficiency")).isEqualTo(3.0);
    // window mean 0 → 100; baseline mean 0 → 100
    assertThat(score(HealthScorer.score(cost(0), base, HealthWeights.DEFAULT), "cost_efficiency"))
        .isEqualTo(100.0);
    assertThat(
            score(
                HealthScorer.score(cost(9), NO_BASELINE, HealthWeights.DEFAULT), "cost_efficiency"))
        .isEqualTo(100.0);
  }

  private static HealthSample cost(double mean) {
    return new HealthSample(2, 0, 2, mean, null, 0, 0);
  }

  @Test
  void toolSuccessIsTheShareOfCallsThatDidNotFail() {
    Scored s =
        HealthScorer.score(
            new HealthSample(1, 0, 1, 0, null, 8, 2), NO_BASELINE, HealthWeights.DEFAULT);
    assertThat(raw(s, "tool_success")).isEqualTo(0.75);
    assertThat(score(s, "tool_success")).isEqualTo(75.0);
    // no tool_call at all: 100 even with a stray tool_error
    assertThat(
            score(
                HealthScorer.score(
                    new HealthSample(1, 0, 1, 0, null, 0, 3), NO_BASELINE, HealthWeights.DEFAULT),
                "tool_success"))
        .isEqualTo(100.0);
    // more failures than calls: clamped to 0
    assertThat(
            score(
                HealthScorer.score(
                    new HealthSample(1, 0, 1, 0, null, 2, 5), NO_BASELINE, HealthWeights.DEFAULT),
                "tool_success"))
        .isEqualTo(0.0);
  }

  @Test
  void latencyComparesTheMeanDurationWithTheBaselineAtHalfSlope() {
    HealthSample base = new HealthSample(3, 0, 3, 0, 2000.0, 0, 0);
    // 3000/2000 - 1 = 0.5 → 100 - 25 = 75
    Scored slower = HealthScorer.score(latency(3000.0), base, HealthWeights.DEFAULT);
    assertThat(score(slower, "latency")).isEqualTo(75.0);
    assertThat(raw(slower, "latency")).isEqualTo(3000.0);
    // faster: clamped to 100
    assertThat(score(HealthScorer.score(latency(1000.0), base, HealthWeights.DEFAULT), "latency"))
        .isEqualTo(100.0);
    // four times slower: 100 - 150 clamped to 0
    assertThat(score(HealthScorer.score(latency(8000.0), base, HealthWeights.DEFAULT), "latency"))
        .isEqualTo(0.0);
    // no ended session in the window, or none in the baseline: 100
    Scored noData = HealthScorer.score(latency(null), base, HealthWeights.DEFAULT);
    assertThat(score(noData, "latency")).isEqualTo(100.0);
    assertThat(raw(noData, "latency")).isEqualTo(0.0);
    assertThat(
            score(
                HealthScorer.score(latency(5000.0), NO_BASELINE, HealthWeights.DEFAULT), "latency"))
        .isEqualTo(100.0);
  }

  private static HealthSample latency(Double mean) {
    return new HealthSample(2, 0, 2, 0, mean, 0, 0);
  }

  @Test
  void completionRateIsTheShareOfCompletedSessions() {
    Scored s =
        HealthScorer.score(
            new HealthSample(3, 0, 1, 0, null, 0, 0), NO_BASELINE, HealthWeights.DEFAULT);
    assertThat(raw(s, "completion_rate"))
        .isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(score(s, "completion_rate")).isEqualTo(33.33);
    // 0.3*100 + 0.2*100 + 0.2*100 + 0.15*100 + 0.15*33.33 = 89.9995 → 90.0
    assertThat(s.overallScore()).isEqualTo(90.0);
  }

  @Test
  void overallIsTheWeightedSumOfAMixedWindow() {
    // 4 sessions: 2 errored, 3 completed; cost 2.0 vs 1.6 base; 10 calls 1 failed;
    // 1200 ms vs 1000 ms base
    HealthSample w = new HealthSample(4, 2, 3, 2.0, 1200.0, 10, 1);
    HealthSample base = new HealthSample(10, 0, 10, 1.6, 1000.0, 0, 0);
    Scored s = HealthScorer.score(w, base, HealthWeights.DEFAULT);
    // error 50; cost 100-(1.25-1)*100 = 75; tool 90; latency 100-(1.2-1)*50 = 90; completion 75
    assertThat(s.dimensions())
        .extracting(HealthDimension::score)
        .containsExactly(50.0, 75.0, 90.0, 90.0, 75.0);
    // 15 + 15 + 18 + 13.5 + 11.25 = 72.75
    assertThat(s.overallScore()).isEqualTo(72.75);
  }

  @Test
  void customWeightsAreApplied() {
    HealthWeights onlyErrors = new HealthWeights(1.0, 0, 0, 0, 0);
    Scored s =
        HealthScorer.score(new HealthSample(5, 1, 0, 0, null, 0, 0), NO_BASELINE, onlyErrors);
    assertThat(s.overallScore()).isEqualTo(80.0);
  }

  @Test
  void aWindowWithoutSessionsCannotBeScored() {
    assertThatThrownBy(() -> HealthScorer.score(NO_BASELINE, NO_BASELINE, HealthWeights.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void weightsMustSumToAboutOne() {
    new HealthWeights(0.30, 0.20, 0.20, 0.15, 0.10); // 0.95 is allowed
    new HealthWeights(0.30, 0.20, 0.20, 0.15, 0.20); // 1.05 is allowed
    assertThatThrownBy(() -> new HealthWeights(0.30, 0.20, 0.20, 0.15, 0.09))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HealthWeights(0.30, 0.20, 0.20, 0.15, 0.21))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HealthWeights(1.2, -0.2, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HealthWeights(Double.NaN, 0.2, 0.2, 0.15, 0.15))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trendThresholdsAreExclusiveAtFivePoints() {
    assertThat(HealthScorer.trend(80, null))
        .isEqualTo(new HealthScorer.Trend(HealthTrend.STABLE, 0));
    assertThat(HealthScorer.trend(80, 74.99).trend()).isEqualTo(HealthTrend.IMPROVING);
    assertThat(HealthScorer.trend(80, 74.99).delta()).isEqualTo(5.01);
    assertThat(HealthScorer.trend(80, 75.0).trend()).isEqualTo(HealthTrend.STABLE);
    assertThat(HealthScorer.trend(80, 85.0).trend()).isEqualTo(HealthTrend.STABLE);
    assertThat(HealthScorer.trend(80, 85.01).trend()).isEqualTo(HealthTrend.DEGRADING);
    assertThat(HealthScorer.trend(80, 85.01).delta()).isEqualTo(-5.01);
    assertThat(HealthTrend.DEGRADING.wireName()).isEqualTo("degrading");
  }

  @Test
  void sampleAggregatesSessions() {
    java.time.Instant t = java.time.Instant.parse("2026-11-01T00:00:00Z");
    List<ai.agentlens.core.session.Session> sessions =
        List.of(
            session(
                "a",
                t,
                t.plusSeconds(2),
                ai.agentlens.core.session.SessionStatus.COMPLETED,
                0,
                1.0),
            session(
                "b", t, t.plusSeconds(4), ai.agentlens.core.session.SessionStatus.ERROR, 3, 2.0),
            session("c", t, null, ai.agentlens.core.session.SessionStatus.ACTIVE, 0, 0.0));
    HealthSample s = HealthSample.of(sessions).withTools(7, 2);
    assertThat(s).isEqualTo(new HealthSample(3, 1, 1, 1.0, 3000.0, 7, 2));
    assertThat(HealthSample.of(List.of())).isEqualTo(new HealthSample(0, 0, 0, 0, null, 0, 0));
  }

  static ai.agentlens.core.session.Session session(
      String id,
      java.time.Instant start,
      java.time.Instant end,
      ai.agentlens.core.session.SessionStatus status,
      long errors,
      double cost) {
    return new ai.agentlens.core.session.Session(
        "org",
        id,
        "agent",
        null,
        start,
        end,
        end == null ? start : end,
        status,
        1,
        0,
        errors,
        cost,
        0,
        0,
        0,
        List.of(),
        1,
        "h");
  }
}
