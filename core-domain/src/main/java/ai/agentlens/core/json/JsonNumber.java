package ai.agentlens.core.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number that keeps its text, so writing it back reproduces it exactly ({@code 1.10} stays
 * {@code 1.10}, {@code 1e2} stays {@code 1e2}). Its value is always within IEEE 754 double range,
 * so every instance has an RFC 8785 canonical form. Immutable and thread-safe.
 */
public final class JsonNumber extends Number {

  private static final long serialVersionUID = 1L;

  private final String text;
  private final boolean integral;

  /** Trusted: {@code text} is a valid JSON number within double range (the reader checked). */
  JsonNumber(String text, boolean integral) {
    this.text = text;
    this.integral = integral;
  }

  /**
   * Returns the number of an integer.
   *
   * @param value the integer
   * @return its number, written in decimal
   */
  public static JsonNumber of(long value) {
    return new JsonNumber(Long.toString(value), true);
  }

  /**
   * Returns the number of a decimal, written as {@link BigDecimal#toString()} writes it (which is
   * valid JSON, e.g. {@code 0.008755} or {@code 1E+1}).
   *
   * @param value the decimal
   * @return its number
   * @throws IllegalArgumentException when the value is outside IEEE 754 double range
   */
  public static JsonNumber of(BigDecimal value) {
    String text = value.toString();
    if (Double.isInfinite(value.doubleValue())) {
      throw new IllegalArgumentException("number outside IEEE 754 double range: " + text);
    }
    return new JsonNumber(text, text.indexOf('.') < 0 && text.indexOf('E') < 0);
  }

  /**
   * Returns the number's text as it was read or created.
   *
   * @return e.g. {@code -0}, {@code 1.50} or {@code 2E+3}
   */
  public String text() {
    return text;
  }

  /**
   * Tells whether the text is an integer: no fraction, no exponent (how JSON parsers tell integers
   * from floats; {@code 1.0} is not integral).
   *
   * @return {@code true} for integer texts
   */
  public boolean isIntegral() {
    return integral;
  }

  /**
   * Returns the sign of the value.
   *
   * @return -1, 0 or 1 ({@code -0} is 0)
   */
  public int signum() {
    double d = doubleValue();
    // why: exact for integral texts (no exponent, so no underflow to 0; the reader refused
    // overflow); a fraction that underflows, e.g. 1e-400, reads as 0 like its double
    return d > 0 ? 1 : d < 0 ? -1 : 0;
  }

  @Override
  public double doubleValue() {
    return Double.parseDouble(text);
  }

  /**
   * Returns the value as a {@code long}: exact for integers that fit, else the double value
   * truncated and saturated to the {@code long} range.
   *
   * @return the value
   */
  @Override
  public long longValue() {
    if (integral) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException beyondLong) {
        // why: saturate like the double below instead of failing
      }
    }
    return (long) doubleValue();
  }

  @Override
  public int intValue() {
    return (int) longValue();
  }

  @Override
  public float floatValue() {
    return (float) doubleValue();
  }

  /** Numbers are equal when their texts are: {@code 1.0} and {@code 1} differ as texts do. */
  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNumber n && n.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(text);
  }

  /** Returns the text. */
  @Override
  public String toString() {
    return text;
  }
}
