package ai.agentlens.core.guardrail.model;

import java.util.Arrays;
import java.util.Optional;

/** Which content a rule applies to: what goes into the model, what comes out, or both. */
public enum Direction {
  /** Input content. */
  INPUT,
  /** Output content. */
  OUTPUT,
  /** Either. */
  BOTH;

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code input}
   */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Looks a direction up by wire name.
   *
   * @param wire the name
   * @return the direction, or empty
   */
  public static Optional<Direction> fromWireName(String wire) {
    return Arrays.stream(values()).filter(v -> v.wireName().equals(wire)).findFirst();
  }
}
