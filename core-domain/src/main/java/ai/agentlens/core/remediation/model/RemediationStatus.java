package ai.agentlens.core.remediation.model;

import java.util.Locale;
import java.util.Optional;

/** Where a remediation stands. */
public enum RemediationStatus {
  /** In force. */
  APPLIED,
  /** Undone: what it changed was restored. */
  REVERTED,
  /** Could not be applied or reverted (its agent or key is gone); see the error. */
  FAILED;

  /**
   * Returns the name on the wire.
   *
   * @return e.g. {@code applied}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param s the name
   * @return the status, or empty when unknown
   */
  public static Optional<RemediationStatus> fromWireName(String s) {
    for (RemediationStatus k : values()) {
      if (k.wireName().equals(s)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
