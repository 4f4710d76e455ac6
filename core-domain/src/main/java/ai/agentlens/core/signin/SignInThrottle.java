package ai.agentlens.core.signin;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.port.RateLimiter;

/**
 * Password sign-in attempts per client IP address, successful or not, through the {@link
 * RateLimiter} (in memory on self-hosted, Redis on cloud so every instance counts together). It
 * comes on top of the lockout of {@link SignIn}, which counts failures per account and per address:
 * the lockout stops guessing one account's password, the throttle slows one address trying many
 * accounts (credential stuffing) before any failure counts, and refuses before a bcrypt check is
 * spent.
 */
public final class SignInThrottle {

  /** Attempts one address may make per minute unless configured otherwise. */
  public static final int DEFAULT_PER_MINUTE = 30;

  private final RateLimiter limiter;
  private final int perMinute;

  /**
   * Creates the throttle.
   *
   * @param limiter the rate limiter
   * @param perMinute attempts per address per minute (a minute's worth may come at once); 0 turns
   *     the throttle off
   * @throws IllegalArgumentException when {@code perMinute} is negative
   */
  public SignInThrottle(RateLimiter limiter, int perMinute) {
    if (perMinute < 0) {
      throw new IllegalArgumentException(
          "sign-in attempts per minute must be 0 (off) or more, got " + perMinute);
    }
    this.limiter = limiter;
    this.perMinute = perMinute;
  }

  /**
   * Takes one attempt from the address's allowance.
   *
   * @param ip the client's address, or {@code null} when unknown
   * @throws AccountException LOCKED, with the seconds until the next attempt is allowed, when the
   *     address has used its allowance
   * @throws IllegalStateException when the limiter's store is unreachable
   */
  public void attempt(String ip) {
    if (perMinute == 0) {
      return;
    }
    RateLimiter.Decision d =
        limiter.acquire("signin-ip:" + (ip == null ? "unknown" : ip), 1, perMinute);
    if (!d.allowed()) {
      long seconds = d.retryAfterSeconds();
      throw new AccountException(
          AccountException.Kind.LOCKED,
          "Too many sign-in attempts from your network address; try again in "
              + seconds
              + (seconds == 1 ? " second" : " seconds"),
          seconds);
    }
  }
}
