package ai.agentlens.queue.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When a failed delivery is retried and when it is given up on (NFR-14), shared by every backend so
 * they cannot drift apart. Pure: no clock, no I/O.
 *
 * <p>Attempts count deliveries: attempt 1 is the first delivery, attempt {@code maxRetries + 1} the
 * last. After attempt {@code n} fails the envelope waits {@link #backoffAfter(int) backoffAfter(n)}
 * and is delivered again, until attempt {@code maxRetries + 1} fails: then it is dead-lettered.
 *
 * @param maxRetries how many times a failed envelope is delivered again (default 3)
 * @param backoff the waits after attempt 1, 2, 3, …; the last entry repeats if there are more
 *     retries than entries (default 1 s, 2 s, 4 s)
 */
public record DeliveryPolicy(int maxRetries, List<Duration> backoff) {

  /** The default: 3 retries, after 1 s, 2 s and 4 s. */
  public static final DeliveryPolicy DEFAULT = exponential(3, Duration.ofSeconds(1));

  /** Checks the invariants. */
  public DeliveryPolicy {
    Objects.requireNonNull(backoff, "backoff");
    backoff = List.copyOf(backoff);
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0");
    }
    if (backoff.isEmpty()) {
      throw new IllegalArgumentException("backoff needs at least one entry");
    }
    for (Duration d : backoff) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("backoff must not be negative: " + d);
      }
    }
  }

  /**
   * Returns a policy whose waits double: {@code first}, 2 × {@code first}, 4 × {@code first}, …
   *
   * @param maxRetries how many retries
   * @param first the wait after the first attempt
   * @return the policy
   */
  public static DeliveryPolicy exponential(int maxRetries, Duration first) {
    int n = Math.max(1, maxRetries);
    Duration[] waits = new Duration[n];
    for (int i = 0; i < n; i++) {
      waits[i] = first.multipliedBy(1L << i);
    }
    return new DeliveryPolicy(maxRetries, List.of(waits));
  }

  /**
   * Returns the number of deliveries an envelope gets at most.
   *
   * @return {@code maxRetries + 1}
   */
  public int maxAttempts() {
    return maxRetries + 1;
  }

  /**
   * Decides what happens after attempt {@code attempt} failed (nack, or no ack in time).
   *
   * @param attempt the failed attempt, from 1
   * @return retry after a wait, or dead-letter
   */
  public Decision afterFailure(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt starts at 1");
    }
    return attempt >= maxAttempts()
        ? Decision.giveUp()
        : Decision.retryAfter(backoffAfter(attempt));
  }

  /**
   * Returns the wait after attempt {@code attempt} failed.
   *
   * @param attempt the failed attempt, from 1
   * @return the wait
   */
  public Duration backoffAfter(int attempt) {
    return backoff.get(Math.min(Math.max(attempt, 1), backoff.size()) - 1);
  }

  /**
   * Returns the longest wait of the schedule.
   *
   * @return the longest backoff
   */
  public Duration longestBackoff() {
    return backoff.stream().max(Duration::compareTo).orElseThrow();
  }

  /**
   * Tells whether an envelope that is about to get delivery number {@code attempt} has no attempts
   * left, i.e. should be dead-lettered instead of delivered. Backends that learn of a failure only
   * when they reclaim an unacknowledged envelope use this.
   *
   * @param attempt the delivery about to be made, from 1
   * @return {@code true} when it exceeds {@link #maxAttempts()}
   */
  public boolean exhaustedBefore(int attempt) {
    return attempt > maxAttempts();
  }

  /**
   * The outcome of a failed attempt.
   *
   * @param deadLetter {@code true} to give up
   * @param delay the wait before the next delivery; {@link Duration#ZERO} when dead-lettering
   */
  public record Decision(boolean deadLetter, Duration delay) {

    static Decision giveUp() {
      return new Decision(true, Duration.ZERO);
    }

    static Decision retryAfter(Duration delay) {
      return new Decision(false, delay);
    }
  }
}
