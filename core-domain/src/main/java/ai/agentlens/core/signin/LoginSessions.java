package ai.agentlens.core.signin;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.port.storage.LoginSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side dashboard sessions (FR-47, NFR-18): a random 256-bit id in the cookie, its SHA-256 in
 * the store, expiry after 7 days without a request.
 */
public final class LoginSessions {

  /** Inactivity after which a session expires (FR-47). */
  public static final Duration IDLE_TIMEOUT = Duration.ofDays(7);

  /** Activity is written at most this often per session, to spare the database. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /**
   * A new session with the cookie value that names it.
   *
   * @param cookieValue the random id; goes into the cookie only
   * @param session the stored session
   */
  public record Started(String cookieValue, LoginSession session) {}

  private final AccountPorts ports;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   */
  public LoginSessions(AccountPorts ports) {
    this.ports = ports;
  }

  /**
   * Starts a session for a user; its current org is the user's oldest membership, if any.
   *
   * @param userId the user
   * @return the cookie value and the session
   */
  public Started start(String userId) {
    String id = Secrets.token();
    Instant now = ports.clock().now();
    String org =
        ports.stores().memberships().listByUser(userId).stream()
            .findFirst()
            .map(m -> m.orgId())
            .orElse(null);
    LoginSession s = new LoginSession(Secrets.sha256(id), userId, org, Secrets.token(), now, now);
    store().create(s);
    return new Started(id, s);
  }

  /**
   * Finds the live session a cookie names and records the activity.
   *
   * @param cookieValue the cookie value
   * @return the session, or empty when unknown or idle for 7 days (then it is deleted)
   */
  public Optional<LoginSession> resolve(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(cookieValue);
    Optional<LoginSession> found = store().find(hash);
    if (found.isEmpty()) {
      return found;
    }
    Instant now = ports.clock().now();
    LoginSession s = found.get();
    if (!now.isBefore(s.lastSeenAt().plus(IDLE_TIMEOUT))) {
      store().delete(hash);
      return Optional.empty();
    }
    if (!now.isBefore(s.lastSeenAt().plus(TOUCH_EVERY))) {
      store().touch(hash, now);
    }
    return found;
  }

  /**
   * Ends a session (logout). Idempotent.
   *
   * @param session the session
   */
  public void end(LoginSession session) {
    store().delete(session.idHash());
  }

  /**
   * Switches the session's current org (FR-07); the caller checked membership.
   *
   * @param session the session
   * @param orgId the org
   */
  public void switchOrg(LoginSession session, String orgId) {
    store().setCurrentOrg(session.idHash(), orgId);
  }

  private LoginSessionStore store() {
    return ports.stores().loginSessions();
  }
}
