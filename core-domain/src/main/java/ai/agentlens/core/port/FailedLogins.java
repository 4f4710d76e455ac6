package ai.agentlens.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed sign-in attempts per key (an account or an IP address) in a sliding window, for the
 * lockout of NFR-22. In memory on self-hosted; in Redis on app-cloud, so every instance sees the
 * same counts.
 *
 * <p>Contract: counts are exact within the window (no sampling); concurrent calls, on one instance
 * or on many sharing a backend, never lose a failure. Thread-safe. When the backend is unreachable
 * implementations throw {@link IllegalStateException}.
 */
public interface FailedLogins {

  /**
   * Records one failure.
   *
   * @param key e.g. {@code account:alice@example.com} or {@code ip:203.0.113.9}
   * @param at when it happened
   * @param window how long failures count
   * @return the failures of this key within {@code (at - window, at]}, this one included
   */
  int record(String key, Instant at, Duration window);

  /**
   * Counts failures within the window ending at {@code at}.
   *
   * @param key the key
   * @param at the end of the window
   * @param window the window
   * @return the count
   */
  int count(String key, Instant at, Duration window);

  /**
   * Forgets a key's failures (after a successful sign-in). Idempotent.
   *
   * @param key the key
   */
  void clear(String key);
}
