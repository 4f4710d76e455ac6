package ai.agentlens.core.incident.model;

import java.util.Locale;
import java.util.Optional;

/** How bad an incident is; wire names are the lower-case constant names. */
public enum IncidentSeverity {
  /** Low. */
  LOW,
  /** Medium. */
  MEDIUM,
  /** High. */
  HIGH,
  /** Critical. */
  CRITICAL;

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code high}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param s the text, possibly {@code null}
   * @return the severity, or empty when unknown
   */
  public static Optional<IncidentSeverity> fromWireName(String s) {
    for (IncidentSeverity v : values()) {
      if (v.wireName().equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
