package ai.agentlens.core.port.billing;

import java.util.Locale;
import java.util.Optional;

/**
 * How often a subscription is billed. Annual costs 20 % less than twelve monthly payments (FR-64);
 * that discount lives in the configured annual prices, never in code.
 */
public enum BillingInterval {
  MONTHLY,
  ANNUAL;

  /** The discount of annual over monthly billing, in percent (FR-64), for display. */
  public static final int ANNUAL_DISCOUNT_PERCENT = 20;

  /**
   * Returns the wire name, e.g. {@code monthly}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param s {@code monthly} or {@code annual}; anything else (or {@code null}) is empty
   * @return the interval
   */
  public static Optional<BillingInterval> parse(String s) {
    for (BillingInterval i : values()) {
      if (i.wireName().equals(s)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
