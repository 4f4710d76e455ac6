package ai.agentlens.core.account.model;

import java.util.Locale;
import java.util.Optional;

/** A member's role in an org (PRD §8, FR-06). */
public enum Role {
  OWNER,
  ADMIN,
  MEMBER,
  VIEWER;

  /**
   * Returns the stored name, e.g. {@code admin}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a role up by its stored name.
   *
   * @param wireName e.g. {@code viewer}
   * @return the role, or empty when unknown
   */
  public static Optional<Role> fromWireName(String wireName) {
    for (Role r : values()) {
      if (r.wireName().equals(wireName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
