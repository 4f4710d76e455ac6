package ai.agentlens.core.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * A capability that can be switched on or off per plan (the tier table), per org (an operator's
 * override) and for the whole deployment (operator configuration), without a deploy.
 */
public enum Feature {
  /** LLM analytics: {@code /api/analytics/**} and the {@code /analytics} page. */
  ANALYTICS,
  /** Compliance report and agent cards: {@code /api/compliance/**}, {@code /compliance}. */
  COMPLIANCE;

  /**
   * Returns the name used in configuration, commands and messages.
   *
   * @return e.g. {@code analytics}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a feature up by its name, ignoring case and surrounding blanks.
   *
   * @param name e.g. {@code compliance}
   * @return the feature, or empty when unknown
   */
  public static Optional<Feature> fromWireName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Feature f : values()) {
      if (f.wireName().equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
