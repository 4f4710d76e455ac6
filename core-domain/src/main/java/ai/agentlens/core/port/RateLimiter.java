package ai.agentlens.core.port;

import java.time.Duration;

/**
 * Rate limits in events per minute (FR-30, FR-31). One limiter serves every key space: per-key
 * buckets ({@code key:<id>}) and per-org buckets ({@code org:<id>}) are just different names.
 *
 * <p>Contract: {@link #acquire} is atomic per bucket name — concurrent callers, on one instance or
 * (for shared implementations) on many, never together take more than the limit allows. A denied
 * request takes nothing. Implementations are thread-safe. When the backing store is unreachable
 * they throw {@link IllegalStateException} rather than silently allowing or denying.
 */
public interface RateLimiter {

  /**
   * Takes {@code permits} events from the bucket if its limit allows them now.
   *
   * @param bucket the bucket's name, e.g. {@code key:01J…}
   * @param permits events in the request, &gt; 0
   * @param perMinute the bucket's limit in events per minute, &gt; 0
   * @return whether allowed and, if not, when to retry
   */
  Decision acquire(String bucket, int permits, int perMinute);

  /**
   * Gives back permits taken by an earlier allowed {@link #acquire} whose request was rejected by a
   * later check (e.g. the org limit after the key limit), so a refused request costs nothing.
   *
   * @param bucket the bucket's name
   * @param permits the permits to return
   * @param perMinute the bucket's limit, as given to {@link #acquire}
   */
  void release(String bucket, int permits, int perMinute);

  /**
   * The outcome of {@link #acquire}.
   *
   * @param allowed whether the permits were taken
   * @param retryAfter when denied, how long until they would be allowed (rounded up to whole
   *     seconds for {@code Retry-After}); zero when allowed
   */
  record Decision(boolean allowed, Duration retryAfter) {

    /** An allowed decision. */
    public static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    /**
     * Returns {@code Retry-After} in whole seconds, at least 1 when denied.
     *
     * @return seconds
     */
    public long retryAfterSeconds() {
      if (allowed) {
        return 0;
      }
      long millis = retryAfter.toMillis();
      return Math.max(1, (millis + 999) / 1000);
    }
  }
}
