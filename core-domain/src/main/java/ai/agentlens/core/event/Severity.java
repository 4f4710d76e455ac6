package ai.agentlens.core.event;

import java.util.Optional;

/** Event severities (reference §1.3); {@link #INFO} is the default. */
public enum Severity {
  DEBUG,
  INFO,
  WARN,
  ERROR,
  CRITICAL;

  // why: computed once; lower-casing on every call was ~5 % of the SQLite writer's Java samples
  // (every stored event binds its severity)
  private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

  /**
   * Returns the name used on the wire and in storage, e.g. {@code warn}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Looks a severity up by its wire name.
   *
   * @param wireName e.g. {@code error}; case-sensitive
   * @return the severity, or empty when unknown
   */
  public static Optional<Severity> fromWireName(String wireName) {
    for (Severity s : values()) {
      if (s.wireName().equals(wireName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether an event of this severity counts as an error for session counters.
   *
   * @return {@code true} for {@link #ERROR} and {@link #CRITICAL}
   */
  public boolean isError() {
    return this == ERROR || this == CRITICAL;
  }
}
