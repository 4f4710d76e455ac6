package ai.agentlens.core.signin;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.account.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * E-mail/password sign-in with lockout (NFR-22: 10 failed attempts within 15 minutes lock the
 * account and the IP address), sign-out, and their audit entries (FR-51).
 */
public final class SignIn {

  /** Failed attempts that lock an account or an IP address. */
  public static final int MAX_FAILURES = 10;

  /** The window in which failures count. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private static final String LOCKED_MESSAGE =
      "Too many failed sign-in attempts; try again in 15 minutes";

  private final AccountPorts ports;
  private final LoginSessions sessions;
  private final AuditTrail audit;
  private final SignInThrottle throttle;
  private volatile String decoy;

  /**
   * Creates the use case without a per-address attempt throttle (lockout only).
   *
   * @param ports the ports
   * @param sessions the session use case
   * @param audit the audit trail
   */
  public SignIn(AccountPorts ports, LoginSessions sessions, AuditTrail audit) {
    this(ports, sessions, audit, null);
  }

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param sessions the session use case
   * @param audit the audit trail
   * @param throttle attempts per client address, checked before anything else; {@code null} for
   *     none
   */
  public SignIn(
      AccountPorts ports, LoginSessions sessions, AuditTrail audit, SignInThrottle throttle) {
    this.ports = ports;
    this.sessions = sessions;
    this.audit = audit;
    this.throttle = throttle;
  }

  /**
   * Signs a user in with e-mail and password.
   *
   * @param email the address
   * @param password the password
   * @param ip the client's address, or {@code null}
   * @return the started session
   * @throws AccountException LOCKED (too many attempts from the address, with the seconds to wait;
   *     or locked out after failures), UNAUTHENTICATED (wrong or unknown credentials, one message
   *     for both), FORBIDDEN when the address is not verified yet
   */
  public LoginSessions.Started withPassword(String email, String password, String ip) {
    if (throttle != null) {
      throttle.attempt(ip);
    }
    String address = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    String accountKey = "account:" + address;
    String ipKey = "ip:" + (ip == null ? "unknown" : ip);
    Instant now = ports.clock().now();
    Optional<User> user = ports.stores().users().findByEmail(address);
    if (locked(accountKey, now) || locked(ipKey, now)) {
      user.ifPresent(
          u ->
              audit.inEveryOrgOf(
                  new Caller(u.id(), ip),
                  "auth.login",
                  AuditResult.FAILURE,
                  Map.of("reason", "locked")));
      throw new AccountException(AccountException.Kind.LOCKED, LOCKED_MESSAGE, WINDOW.toSeconds());
    }
    boolean ok;
    if (user.isPresent() && user.get().passwordHash() != null && password != null) {
      ok = ports.hasher().verify(password, user.get().passwordHash());
    } else {
      // why: the same bcrypt work for an unknown address, so the time taken tells no one which
      // addresses have accounts
      ports.hasher().verify(password == null ? "" : password, decoyHash());
      ok = false;
    }
    if (!ok) {
      ports.failedLogins().record(accountKey, now, WINDOW);
      ports.failedLogins().record(ipKey, now, WINDOW);
      user.ifPresent(
          u ->
              audit.inEveryOrgOf(
                  new Caller(u.id(), ip),
                  "auth.login",
                  AuditResult.FAILURE,
                  Map.of("reason", "bad_credentials")));
      throw new AccountException(
          AccountException.Kind.UNAUTHENTICATED, "Invalid e-mail address or password");
    }
    User u = user.get();
    if (!u.verified()) {
      throw AccountException.forbidden("Verify your e-mail address before signing in");
    }
    ports.failedLogins().clear(accountKey);
    return open(u, ip, "password");
  }

  /**
   * Starts a session for an already authenticated user (OAuth, invitation sign-up) and audits it.
   *
   * @param user the user
   * @param ip the client's address
   * @param method how they authenticated, e.g. {@code google}
   * @return the session
   */
  public LoginSessions.Started open(User user, String ip, String method) {
    LoginSessions.Started started = sessions.start(user.id());
    audit.inEveryOrgOf(
        new Caller(user.id(), ip), "auth.login", AuditResult.SUCCESS, Map.of("method", method));
    return started;
  }

  /**
   * Signs out: deletes the session and audits it.
   *
   * @param session the session
   * @param ip the client's address
   */
  public void signOut(LoginSession session, String ip) {
    sessions.end(session);
    audit.inEveryOrgOf(
        new Caller(session.userId(), ip), "auth.logout", AuditResult.SUCCESS, Map.of());
  }

  private String decoyHash() {
    String hash = decoy;
    if (hash == null) {
      hash = ports.hasher().hash(Secrets.token());
      decoy = hash;
    }
    return hash;
  }

  private boolean locked(String key, Instant now) {
    return ports.failedLogins().count(key, now, WINDOW) >= MAX_FAILURES;
  }
}
