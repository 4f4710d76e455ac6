package ai.agentlens.core.account.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in dashboard session (FR-47, NFR-18). Only the SHA-256 of the cookie value is stored, so
 * a leaked database row cannot be replayed as a cookie.
 *
 * @param idHash hex SHA-256 of the random session id carried by the cookie
 * @param userId the signed-in user
 * @param currentOrgId the org chosen in the org switcher (FR-07), or {@code null}
 * @param csrfToken the session's anti-CSRF token (NFR-19), sent back in {@code X-CSRF-Token}
 * @param createdAt sign-in time
 * @param lastSeenAt last request; the session expires 7 days of inactivity after it
 */
public record LoginSession(
    String idHash,
    String userId,
    String currentOrgId,
    String csrfToken,
    Instant createdAt,
    Instant lastSeenAt) {

  /** Rejects missing fields. */
  public LoginSession {
    Objects.requireNonNull(idHash, "idHash");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    createdAt = Times.micros(createdAt);
    lastSeenAt = Times.micros(lastSeenAt);
  }
}
