package ai.agentlens.core.budget.model;

import java.util.Locale;
import java.util.Optional;

/** What a budget caps: one session's spend, or one agent's (or, without an agent, the org's). */
public enum BudgetScope {
  /** The most expensive open session. */
  SESSION,
  /** An agent's spend in the period. */
  AGENT;

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code agent}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param wire e.g. {@code agent}
   * @return the scope, or empty for an unknown name
   */
  public static Optional<BudgetScope> parse(String wire) {
    for (BudgetScope s : values()) {
      if (s.wireName().equals(wire)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
