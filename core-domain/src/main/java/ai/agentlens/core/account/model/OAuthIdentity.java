package ai.agentlens.core.account.model;

import java.util.Objects;

/**
 * A user's identity at an OAuth provider (FR-01).
 *
 * @param provider e.g. {@code google}, {@code github}
 * @param subject the provider's stable user id
 * @param userId our user
 */
public record OAuthIdentity(String provider, String subject, String userId) {

  /** Rejects missing fields. */
  public OAuthIdentity {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(userId, "userId");
  }
}
