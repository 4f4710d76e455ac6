package ai.agentlens.core.account.model;

import java.util.Locale;
import java.util.Optional;

/** Outcome of an audited action (PC-15). */
public enum AuditResult {
  SUCCESS,
  FAILURE;

  /**
   * Returns the name used on the wire and in storage.
   *
   * @return {@code success} or {@code failure}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name, ignoring case and surrounding blanks.
   *
   * @param text e.g. {@code success}
   * @return the result, or empty when the text names none
   */
  public static Optional<AuditResult> fromWireName(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    for (AuditResult r : values()) {
      if (r.wireName().equalsIgnoreCase(t)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
