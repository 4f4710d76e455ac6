package ai.agentlens.core.account.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's membership in an org.
 *
 * @param orgId the org
 * @param userId the user
 * @param role the role
 * @param createdAt when the user joined
 */
public record Membership(String orgId, String userId, Role role, Instant createdAt) {

  /** Rejects missing fields. */
  public Membership {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    createdAt = Times.micros(createdAt);
  }
}
