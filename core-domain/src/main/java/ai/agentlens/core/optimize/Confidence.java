package ai.agentlens.core.optimize;

import java.util.Locale;

/** How much a recommendation can be trusted, from the current model's call volume. */
public enum Confidence {
  /** At most 49 calls, or a period shorter than 7 days. */
  LOW,
  /** 50 to 200 calls. */
  MEDIUM,
  /** More than 200 calls. */
  HIGH;

  /**
   * Rates a call volume: high above 200, medium from 50, else low.
   *
   * @param calls the current model's calls at the tier
   * @return the confidence
   */
  public static Confidence of(long calls) {
    if (calls > 200) {
      return HIGH;
    }
    return calls >= 50 ? MEDIUM : LOW;
  }

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code low}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
