package ai.agentlens.core.port.storage;

import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.StorageUnavailableException;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side dashboard sessions (FR-47). Sessions are global (a user switches orgs within one), so
 * these methods take no org. Expiry is the caller's rule; the store only keeps {@code lastSeenAt}.
 *
 * <p>Thread-safe; every method is one transaction. Errors: {@link ConflictException} for a taken id
 * hash, {@link InvalidInputException} for bad fields, {@link StorageUnavailableException}
 * otherwise. Shared by every instance that uses the same database, so a session created on one
 * app-cloud instance is valid on all of them.
 */
public interface LoginSessionStore {

  /**
   * Stores a new session.
   *
   * @param session the session; id hash 64 lowercase hex characters
   * @throws ConflictException when the id hash is taken
   */
  void create(LoginSession session);

  /**
   * Reads a session.
   *
   * @param idHash hex SHA-256 of the cookie value
   * @return the session, or empty when unknown or deleted
   */
  Optional<LoginSession> find(String idHash);

  /**
   * Records activity. An older time never overwrites a newer one; unknown ids are ignored.
   *
   * @param idHash the session
   * @param at the request time
   */
  void touch(String idHash, Instant at);

  /**
   * Sets the current org (org switcher, FR-07). Unknown ids are ignored.
   *
   * @param idHash the session
   * @param orgId the org, or {@code null} for none
   */
  void setCurrentOrg(String idHash, String orgId);

  /**
   * Deletes a session (logout). Idempotent.
   *
   * @param idHash the session
   * @return {@code true} when one was deleted
   */
  boolean delete(String idHash);

  /**
   * Deletes every session of a user (password reset, account deletion). Idempotent.
   *
   * @param userId the user
   * @return the number deleted
   */
  int deleteForUser(String userId);

  /**
   * Deletes sessions inactive since before {@code cutoff} (housekeeping). Idempotent.
   *
   * @param cutoff sessions with {@code lastSeenAt} strictly before this are deleted
   * @return the number deleted
   */
  int deleteIdleSince(Instant cutoff);
}
