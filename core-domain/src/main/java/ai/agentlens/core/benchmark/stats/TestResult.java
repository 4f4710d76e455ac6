package ai.agentlens.core.benchmark.stats;

/**
 * The outcome of one two-sample test.
 *
 * @param test {@code welch_t} or {@code chi_squared}
 * @param statistic t, or χ² with Yates' correction
 * @param df degrees of freedom (Welch–Satterthwaite, or 1)
 * @param pValue two-tailed p-value
 * @param difference mean (or proportion) of A minus that of B
 * @param ciLower lower bound of the 95 % confidence interval of the difference
 * @param ciUpper upper bound of the 95 % confidence interval of the difference
 * @param effectSize Cohen's d (pooled SD) or φ
 * @param effectSizeType {@code cohens_d} or {@code phi}
 */
public record TestResult(
    String test,
    double statistic,
    double df,
    double pValue,
    double difference,
    double ciLower,
    double ciUpper,
    double effectSize,
    String effectSizeType) {

  /** The significance level. */
  public static final double ALPHA = 0.05;

  /**
   * Whether the difference is significant at {@link #ALPHA}.
   *
   * @return {@code p < 0.05}
   */
  public boolean significant() {
    return pValue < ALPHA;
  }

  /**
   * The confidence stars of a p-value: {@code ★★★} below 0.01, {@code ★★} below 0.05, {@code ★}
   * below 0.1, else {@code —}.
   *
   * @param p the p-value
   * @return the stars
   */
  public static String stars(double p) {
    if (p < 0.01) {
      return "★★★";
    }
    if (p < 0.05) {
      return "★★";
    }
    if (p < 0.1) {
      return "★";
    }
    return "—";
  }
}
