package ai.agentlens.core.port.storage;

import ai.agentlens.core.account.model.OAuthIdentity;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import java.util.Optional;

/**
 * Users and their sign-in credentials. Users are global (one user, many orgs), so these methods
 * take no org.
 *
 * <p>E-mail addresses are compared case-insensitively: the store keeps them lower-cased.
 * Thread-safe; every method is one transaction. Errors: {@link InvalidInputException} for bad
 * fields, {@link ConflictException} for a taken id, e-mail or OAuth identity, {@link
 * NotFoundException} when a mutation names an unknown user.
 */
public interface UserStore {

  /**
   * Creates a user.
   *
   * @param user the user; e-mail 3..320 chars containing {@code @}
   * @throws ConflictException when the id or the e-mail is taken
   */
  void create(User user);

  /**
   * Tells whether any user exists (self-hosted's first run offers to create the owner until one
   * does).
   *
   * @return {@code true} once a user was created (and not deleted)
   */
  boolean anyExists();

  /**
   * Reads a user.
   *
   * @param userId the user
   * @return the user, or empty
   */
  Optional<User> find(String userId);

  /**
   * Reads a user by e-mail, ignoring case.
   *
   * @param email the address
   * @return the user, or empty
   */
  Optional<User> findByEmail(String email);

  /**
   * Updates display name and avatar (FR-12).
   *
   * @param userId the user
   * @param displayName new display name
   * @param avatarUrl new avatar, or {@code null}
   * @throws NotFoundException when unknown
   */
  void updateProfile(String userId, String displayName, String avatarUrl);

  /**
   * Sets the password hash (sign-up, reset).
   *
   * @param userId the user
   * @param passwordHash bcrypt hash
   * @throws NotFoundException when unknown
   */
  void setPasswordHash(String userId, String passwordHash);

  /**
   * Marks the e-mail address verified (FR-02).
   *
   * @param userId the user
   * @throws NotFoundException when unknown
   */
  void markVerified(String userId);

  /**
   * Links an OAuth identity to a user.
   *
   * @param identity provider, subject and user
   * @throws ConflictException when that provider subject is linked already
   * @throws NotFoundException when the user is unknown
   */
  void linkIdentity(OAuthIdentity identity);

  /**
   * Finds the user an OAuth identity belongs to.
   *
   * @param provider e.g. {@code github}
   * @param subject the provider's user id
   * @return the user, or empty
   */
  Optional<User> findByIdentity(String provider, String subject);

  /**
   * Deletes a user and their credentials (password hash, OAuth identities) for account deletion
   * (FR-72). Memberships and audit entries are handled by {@link MembershipStore#removeAllForUser}
   * and {@link AuditLog#anonymizeActor}. Idempotent.
   *
   * @param userId the user
   * @return {@code true} when a user was deleted
   */
  boolean delete(String userId);
}
