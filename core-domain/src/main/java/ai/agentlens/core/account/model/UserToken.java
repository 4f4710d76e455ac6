package ai.agentlens.core.account.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * A single-use secret mailed to a user: e-mail verification (FR-02) or password reset (FR-52). Only
 * its SHA-256 is stored.
 *
 * @param tokenHash hex SHA-256 of the mailed token
 * @param purpose what the token is for
 * @param userId the user it belongs to
 * @param createdAt creation time
 * @param expiresAt expiry
 */
public record UserToken(
    String tokenHash, Purpose purpose, String userId, Instant createdAt, Instant expiresAt) {

  /** What a token is for. */
  public enum Purpose {
    /** Confirms the e-mail address (FR-02). */
    VERIFY_EMAIL,
    /** Sets a new password (FR-52). */
    RESET_PASSWORD
  }

  /** Rejects missing fields. */
  public UserToken {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    createdAt = Times.micros(createdAt);
    expiresAt = Times.micros(expiresAt);
  }
}
