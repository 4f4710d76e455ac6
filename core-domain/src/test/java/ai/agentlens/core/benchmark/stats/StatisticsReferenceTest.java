package ai.agentlens.core.benchmark.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The tests against reference values. Each number below is what R prints for the call in the
 * comment (checked with SciPy's {@code ttest_ind(equal_var=False)} and {@code
 * chi2_contingency(correction=True)}, which agree to the digits shown).
 */
class StatisticsReferenceTest {

  private static final double[] X = {19.1, 21.4, 18.7, 22.9, 20.2};
  private static final double[] Y = {23.5, 25.1, 22.8, 26.4, 24.0, 27.3};

  @Test
  void welchMatchesR() {
    // R: t.test(c(19.1,21.4,18.7,22.9,20.2), c(23.5,25.1,22.8,26.4,24.0,27.3), var.equal=FALSE)
    // t = -4.1861, df = 8.6865, p-value = 0.002546
    // 95 percent confidence interval: -6.775434 -2.004566; means 20.46 and 24.85
    TestResult r = WelchTest.test(X, Y).orElseThrow();
    assertThat(r.test()).isEqualTo("welch_t");
    assertThat(r.statistic()).isCloseTo(-4.186144775387249, within(1e-9));
    assertThat(r.df()).isCloseTo(8.686514028337527, within(1e-9));
    assertThat(r.pValue()).isCloseTo(0.0025457817693903015, within(1e-9));
    assertThat(r.difference()).isCloseTo(20.46 - 24.85, within(1e-9));
    assertThat(r.ciLower()).isCloseTo(-6.775433803830057, within(1e-6));
    assertThat(r.ciUpper()).isCloseTo(-2.004566196169951, within(1e-6));
    // Cohen's d with the pooled SD: (20.46 - 24.85) / sqrt((4*var(x) + 5*var(y)) / 9)
    assertThat(r.effectSize()).isCloseTo(-2.531428780996074, within(1e-9));
    assertThat(r.significant()).isTrue();
    assertThat(TestResult.stars(r.pValue())).isEqualTo("★★★");
  }

  @Test
  void welchNotSignificantMatchesR() {
    // R: t.test(c(1,2,3,4), c(2,2.5,3.5,4.5,5), var.equal=FALSE) → t = -1.1612, p-value = 0.2863
    TestResult r =
        WelchTest.test(new double[] {1, 2, 3, 4}, new double[] {2, 2.5, 3.5, 4.5, 5}).orElseThrow();
    assertThat(r.statistic()).isCloseTo(-1.1611694995742754, within(1e-9));
    assertThat(r.pValue()).isCloseTo(0.2862722064372248, within(1e-9));
    assertThat(r.significant()).isFalse();
    assertThat(r.ciLower()).isLessThan(0);
    assertThat(r.ciUpper()).isGreaterThan(0);
    assertThat(TestResult.stars(r.pValue())).isEqualTo("—");
  }

  @Test
  void welchIsUndefinedForTinyOrConstantSamples() {
    assertThat(WelchTest.test(new double[] {1}, Y)).isEmpty();
    assertThat(WelchTest.test(new double[] {2, 2}, new double[] {2, 2, 2})).isEmpty();
  }

  @Test
  void chiSquaredWithYatesMatchesR() {
    // R: chisq.test(matrix(c(12, 5, 8, 15), nrow = 2), correct = TRUE)
    // X-squared = 3.6829, df = 1, p-value = 0.05497
    TestResult r = ChiSquareTest.test(12, 20, 5, 20).orElseThrow();
    assertThat(r.test()).isEqualTo("chi_squared");
    assertThat(r.statistic()).isCloseTo(3.6828644501278776, within(1e-9));
    assertThat(r.df()).isEqualTo(1);
    assertThat(r.pValue()).isCloseTo(0.05497432872169419, within(1e-9));
    // φ = sqrt(5.012788 / 40) from the uncorrected statistic (chisq.test(..., correct = FALSE))
    assertThat(r.effectSize()).isCloseTo(0.35400521619692155, within(1e-9));
    assertThat(r.difference()).isCloseTo(0.6 - 0.25, within(1e-12));
    // Wald interval: 0.35 ± 1.959964 · sqrt(0.6·0.4/20 + 0.25·0.75/20)
    double half = 1.959963984540054 * Math.sqrt(0.6 * 0.4 / 20 + 0.25 * 0.75 / 20);
    assertThat(r.ciLower()).isCloseTo(0.35 - half, within(1e-9));
    assertThat(r.ciUpper()).isCloseTo(0.35 + half, within(1e-9));
    assertThat(r.significant()).isFalse();
    assertThat(TestResult.stars(r.pValue())).isEqualTo("★");
  }

  @Test
  void chiSquaredEdgeCases() {
    // a table with an empty column (no failures anywhere) has no statistic
    assertThat(ChiSquareTest.test(10, 10, 7, 7)).isEmpty();
    assertThat(ChiSquareTest.test(0, 0, 3, 5)).isEmpty();
    // |ad - bc| below n/2: Yates clamps the statistic to 0, p = 1
    TestResult same = ChiSquareTest.test(5, 10, 5, 10).orElseThrow();
    assertThat(same.statistic()).isZero();
    assertThat(same.pValue()).isCloseTo(1, within(1e-12));
    assertThatThrownBy(() -> ChiSquareTest.test(6, 5, 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void starsFollowTheThresholds() {
    assertThat(TestResult.stars(0.0099)).isEqualTo("★★★");
    assertThat(TestResult.stars(0.01)).isEqualTo("★★");
    assertThat(TestResult.stars(0.0499)).isEqualTo("★★");
    assertThat(TestResult.stars(0.05)).isEqualTo("★");
    assertThat(TestResult.stars(0.0999)).isEqualTo("★");
    assertThat(TestResult.stars(0.1)).isEqualTo("—");
  }
}
