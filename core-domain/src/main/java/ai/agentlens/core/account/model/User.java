package ai.agentlens.core.account.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to the dashboard. Users are global: one user may belong to many orgs.
 *
 * @param id stable id
 * @param email unique, stored lower-cased
 * @param displayName shown name
 * @param avatarUrl avatar location, or {@code null}
 * @param passwordHash bcrypt hash, or {@code null} for OAuth-only users
 * @param verified whether the e-mail address is verified (FR-02)
 * @param createdAt creation time
 */
public record User(
    String id,
    String email,
    String displayName,
    String avatarUrl,
    String passwordHash,
    boolean verified,
    Instant createdAt) {

  /** Rejects missing fields. */
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(createdAt, "createdAt");
    createdAt = Times.micros(createdAt);
  }
}
