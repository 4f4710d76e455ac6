package ai.agentlens.core.ratelimit;

import ai.agentlens.core.port.RateLimiter.Decision;
import java.time.Duration;

/**
 * The generic cell rate algorithm, the arithmetic behind every {@link
 * ai.agentlens.core.port.RateLimiter}: a bucket is one number, its theoretical arrival time (TAT).
 * A limit of {@code n} per minute admits one event every {@code 60 s / n}, with a burst of up to
 * {@code n} events at once. Pure: callers store the TAT (in memory, or in Redis with the same
 * formula in Lua).
 */
public final class Gcra {

  private static final long MINUTE_MICROS = 60_000_000L;

  private Gcra() {}

  /**
   * The outcome of one step: the decision and the TAT to store (unchanged when denied).
   *
   * @param decision allowed or not, with retry-after
   * @param newTat the bucket's TAT after this step, in microseconds
   */
  public record Step(Decision decision, long newTat) {}

  /**
   * Decides one request.
   *
   * @param tat the stored TAT in microseconds since the epoch, or 0 for a new bucket
   * @param now now, in microseconds since the epoch
   * @param permits events in the request, &gt; 0
   * @param perMinute the limit, &gt; 0
   * @return the decision and the TAT to store
   */
  public static Step acquire(long tat, long now, int permits, int perMinute) {
    if (permits <= 0 || perMinute <= 0) {
      throw new IllegalArgumentException("permits and perMinute must be > 0");
    }
    long interval = MINUTE_MICROS / perMinute;
    long burst = MINUTE_MICROS; // why: a full minute's worth may arrive at once
    long base = Math.max(tat, now);
    long candidate = base + permits * interval;
    long allowAt = candidate - burst;
    if (allowAt > now) {
      long waitMicros = permits > perMinute ? MINUTE_MICROS : allowAt - now;
      return new Step(new Decision(false, Duration.ofNanos(waitMicros * 1000)), tat);
    }
    return new Step(Decision.ALLOWED, candidate);
  }

  /**
   * Undoes an allowed {@link #acquire}: moves the TAT back by the permits' worth, never before now.
   *
   * @param tat the stored TAT
   * @param now now, in microseconds
   * @param permits the permits to give back
   * @param perMinute the limit
   * @return the TAT to store
   */
  public static long release(long tat, long now, int permits, int perMinute) {
    long interval = MINUTE_MICROS / perMinute;
    return Math.max(now, tat - permits * interval);
  }
}
