package ai.agentlens.core.benchmark.stats;

import java.util.Optional;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The 2×2 chi-squared test with Yates' continuity correction (R's {@code chisq.test(m, correct =
 * TRUE)} on {@code matrix(c(a, c, b, d), nrow = 2)}), 1 degree of freedom, the p-value from Commons
 * Math's χ² distribution; φ from the uncorrected statistic, signed like the difference; and the 95
 * % Wald interval of the difference of the two proportions. Pure and thread-safe.
 */
public final class ChiSquareTest {

  private static final double Z975 =
      new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

  private ChiSquareTest() {}

  /**
   * Tests two proportions.
   *
   * @param successA successes of A
   * @param totalA trials of A
   * @param successB successes of B
   * @param totalB trials of B
   * @return the result, or empty when a row or column of the table is empty (the statistic is
   *     undefined)
   * @throws IllegalArgumentException when a count is negative or successes exceed trials
   */
  public static Optional<TestResult> test(long successA, long totalA, long successB, long totalB) {
    if (successA < 0 || successB < 0 || successA > totalA || successB > totalB) {
      throw new IllegalArgumentException("counts must satisfy 0 <= successes <= trials");
    }
    double a = successA;
    double b = totalA - successA;
    double c = successB;
    double d = totalB - successB;
    double n = a + b + c + d;
    double rows = (a + b) * (c + d);
    double cols = (a + c) * (b + d);
    if (rows == 0 || cols == 0) {
      return Optional.empty();
    }
    double cross = a * d - b * c;
    double yates = Math.max(0, Math.abs(cross) - n / 2);
    double chi = n * yates * yates / (rows * cols);
    double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi);
    double phi = cross / Math.sqrt(rows * cols);
    double pa = a / (a + b);
    double pb = c / (c + d);
    double diff = pa - pb;
    double se = Math.sqrt(pa * (1 - pa) / (a + b) + pb * (1 - pb) / (c + d));
    return Optional.of(
        new TestResult(
            "chi_squared", chi, 1, p, diff, diff - Z975 * se, diff + Z975 * se, phi, "phi"));
  }
}
