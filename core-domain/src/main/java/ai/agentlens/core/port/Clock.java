package ai.agentlens.core.port;

import java.time.Instant;

/**
 * The time source of the domain. Use cases never call {@link Instant#now()} themselves, so tests
 * can pin time (token expiry, lockout windows, usage hours) without sleeping.
 *
 * <p>Contract: {@link #now()} is thread-safe, never returns {@code null}, and is monotonic
 * non-decreasing for the {@link #system()} implementation within one process as far as the JVM wall
 * clock is.
 */
@FunctionalInterface
public interface Clock {

  /**
   * Returns the current instant (UTC, no zone).
   *
   * @return the current instant; never {@code null}
   */
  Instant now();

  /**
   * Returns the wall clock of this JVM.
   *
   * @return a clock backed by {@link java.time.Clock#systemUTC()}
   */
  static Clock system() {
    java.time.Clock utc = java.time.Clock.systemUTC();
    return utc::instant;
  }

  /**
   * Returns a clock that always answers {@code instant}; meant for tests.
   *
   * @param instant the instant to return
   * @return a fixed clock
   */
  static Clock fixed(Instant instant) {
    if (instant == null) {
      throw new IllegalArgumentException("instant must not be null");
    }
    return () -> instant;
  }
}
