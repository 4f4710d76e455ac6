package ai.agentlens.core.incident.model;

import java.util.Locale;
import java.util.Optional;

/** How an incident's latest root-cause analysis ended; wire names are lower case. */
public enum RcaStatus {
  /** The analysis is stored. */
  DONE,
  /** The language model failed (timeout, error, malformed answer); it can be run again. */
  FAILED;

  /**
   * Returns the wire name.
   *
   * @return {@code done} or {@code failed}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param s the text, possibly {@code null}
   * @return the status, or empty when unknown
   */
  public static Optional<RcaStatus> fromWireName(String s) {
    for (RcaStatus v : values()) {
      if (v.wireName().equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
