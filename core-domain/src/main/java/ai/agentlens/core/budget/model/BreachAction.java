package ai.agentlens.core.budget.model;

import java.util.Locale;
import java.util.Optional;

/** What happens when a budget is breached. */
public enum BreachAction {
  /** Record the breach (history and audit log) only. */
  ALERT,
  /** Pause the agent. */
  PAUSE_AGENT,
  /** Switch the agent to a cheaper model. */
  DOWNGRADE_MODEL;

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code pause_agent}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param wire e.g. {@code alert}
   * @return the action, or empty for an unknown name
   */
  public static Optional<BreachAction> parse(String wire) {
    for (BreachAction a : values()) {
      if (a.wireName().equals(wire)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
