package ai.agentlens.core.account.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to join an org (FR-05). Only the SHA-256 of the token is stored.
 *
 * @param id stable id
 * @param orgId the org
 * @param email invitee address, lower-cased
 * @param role role granted on acceptance
 * @param tokenHash hex SHA-256 of the secret token sent by mail
 * @param invitedBy inviting user id
 * @param createdAt creation time
 * @param expiresAt expiry (7 days after creation by default)
 * @param acceptedAt acceptance time, or {@code null} while pending
 */
public record Invitation(
    String id,
    String orgId,
    String email,
    Role role,
    String tokenHash,
    String invitedBy,
    Instant createdAt,
    Instant expiresAt,
    Instant acceptedAt) {

  /** Rejects missing fields. */
  public Invitation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(invitedBy, "invitedBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    createdAt = Times.micros(createdAt);
    expiresAt = Times.micros(expiresAt);
    acceptedAt = Times.micros(acceptedAt);
  }

  /**
   * Tells whether the invitation can still be accepted.
   *
   * @param now the current time
   * @return {@code true} when not accepted and not expired
   */
  public boolean pendingAt(Instant now) {
    return acceptedAt == null && now.isBefore(expiresAt);
  }
}
