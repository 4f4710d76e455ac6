package ai.agentlens.core.benchmark.stats;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Welch's unequal-variances t-test (R's {@code t.test(x, y, var.equal = FALSE)}): t, the
 * Welch–Satterthwaite degrees of freedom, the two-tailed p-value and the 95 % confidence interval
 * of {@code mean(x) − mean(y)} from Commons Math's t distribution, and Cohen's d with the pooled
 * standard deviation. Pure and thread-safe.
 */
public final class WelchTest {

  private WelchTest() {}

  /**
   * Tests two samples.
   *
   * @param x sample A
   * @param y sample B
   * @return the result, or empty when a sample has fewer than two values or both have no variance
   *     (the statistic is undefined)
   */
  public static Optional<TestResult> test(double[] x, double[] y) {
    int nx = x.length;
    int ny = y.length;
    if (nx < 2 || ny < 2) {
      return Optional.empty();
    }
    double mx = new Mean().evaluate(x);
    double my = new Mean().evaluate(y);
    double vx = new Variance(true).evaluate(x);
    double vy = new Variance(true).evaluate(y);
    double ax = vx / nx;
    double ay = vy / ny;
    double se = Math.sqrt(ax + ay);
    if (se == 0) {
      return Optional.empty();
    }
    double diff = mx - my;
    double t = diff / se;
    double df = (ax + ay) * (ax + ay) / (ax * ax / (nx - 1) + ay * ay / (ny - 1));
    TDistribution dist = new TDistribution(null, df);
    double p = Math.min(1, 2 * dist.cumulativeProbability(-Math.abs(t)));
    double q = dist.inverseCumulativeProbability(0.975);
    double pooled = Math.sqrt(((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2));
    double d = pooled == 0 ? 0 : diff / pooled;
    return Optional.of(
        new TestResult("welch_t", t, df, p, diff, diff - q * se, diff + q * se, d, "cohens_d"));
  }
}
