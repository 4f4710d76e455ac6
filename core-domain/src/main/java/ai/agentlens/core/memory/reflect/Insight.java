package ai.agentlens.core.memory.reflect;

import java.util.Map;

/**
 * One finding of an analysis.
 *
 * @param type what kind, e.g. {@code error_pattern}
 * @param summary one sentence
 * @param data the figures: values are strings, numbers, booleans, lists and maps of those
 * @param confidence 0..1, how much the figures say (more observations, more confidence)
 */
public record Insight(String type, String summary, Map<String, Object> data, double confidence) {

  /**
   * A confidence that grows with the number of observations: {@code min(0.95, 0.5 + 0.05·n)}.
   *
   * @param observations how many observations back the insight
   * @return the confidence, rounded to 2 decimals
   */
  public static double byCount(long observations) {
    return round(Math.min(0.95, 0.5 + 0.05 * observations), 2);
  }

  /**
   * Rounds half up.
   *
   * @param v the value
   * @param decimals decimals kept
   * @return the rounded value
   */
  public static double round(double v, int decimals) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(decimals, java.math.RoundingMode.HALF_UP)
        .doubleValue();
  }
}
