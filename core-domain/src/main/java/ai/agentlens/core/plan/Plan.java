package ai.agentlens.core.plan;

import java.util.Locale;
import java.util.Optional;

/** Subscription tiers (PRD §16); {@link #SELF_HOSTED} has no limits and no billing. */
public enum Plan {
  FREE,
  PRO,
  TEAM,
  ENTERPRISE,
  SELF_HOSTED;

  /**
   * Returns the stored name, e.g. {@code self_hosted}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a plan up by its stored name.
   *
   * @param wireName e.g. {@code pro}
   * @return the plan, or empty when unknown
   */
  public static Optional<Plan> fromWireName(String wireName) {
    for (Plan p : values()) {
      if (p.wireName().equals(wireName)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
