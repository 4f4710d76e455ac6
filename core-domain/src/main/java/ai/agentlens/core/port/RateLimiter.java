package ai.agentlens.core.port;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
   * Takes every {@link Take} if each bucket's limit allows it now, and none of them otherwise: a
   * gateway checks a request against its key, its org and its agents at once. Shared
   * implementations should do it in one round trip (the request waits for it); this default calls
   * {@link #acquire} per take and gives back what it took when a later take is refused, so the
   * all-or-nothing outcome holds, though a concurrent caller may briefly see the early takes.
   *
   * @param takes the takes, in the order a refusal is reported; bucket names distinct
   * @return {@link Outcome#ALLOWED} when all were taken, else the first refused take's index and
   *     decision, with nothing taken
   * @throws IllegalArgumentException when two takes name the same bucket
   */
  default Outcome acquireAll(List<Take> takes) {
    Take.requireDistinct(takes);
    List<Take> taken = new ArrayList<>(takes.size());
    for (int i = 0; i < takes.size(); i++) {
      Take t = takes.get(i);
      Decision d = acquire(t.bucket(), t.permits(), t.perMinute());
      if (!d.allowed()) {
        releaseAll(taken);
        return new Outcome(i, d);
      }
      taken.add(t);
    }
    return Outcome.ALLOWED;
  }

  /**
   * Gives back every take of an allowed {@link #acquireAll}, e.g. when a later check (the quota,
   * the queue) refused the request.
   *
   * @param takes the takes as given to {@link #acquireAll}
   */
  default void releaseAll(List<Take> takes) {
    for (Take t : takes) {
      release(t.bucket(), t.permits(), t.perMinute());
    }
  }

  /**
   * Permits to take from one bucket.
   *
   * @param bucket the bucket's name
   * @param permits events, &gt; 0
   * @param perMinute the bucket's limit in events per minute, &gt; 0
   */
  record Take(String bucket, int permits, int perMinute) {

    /** Checks the arguments. */
    public Take {
      if (bucket == null || permits <= 0 || perMinute <= 0) {
        throw new IllegalArgumentException("a take needs a bucket, permits > 0 and perMinute > 0");
      }
    }

    /**
     * Refuses takes that name one bucket twice: all-or-nothing steps read each bucket once.
     *
     * @param takes the takes
     * @throws IllegalArgumentException on a repeated bucket
     */
    public static void requireDistinct(List<Take> takes) {
      Set<String> seen = new HashSet<>();
      for (Take t : takes) {
        if (!seen.add(t.bucket())) {
          throw new IllegalArgumentException("bucket named twice: " + t.bucket());
        }
      }
    }
  }

  /**
   * The outcome of {@link #acquireAll}.
   *
   * @param refused the index of the first refused take, or -1 when all were taken
   * @param decision that take's decision; {@link Decision#ALLOWED} when all were taken
   */
  record Outcome(int refused, Decision decision) {

    /** Every take was taken. */
    public static final Outcome ALLOWED = new Outcome(-1, Decision.ALLOWED);

    /**
     * Whether every take was taken.
     *
     * @return true when allowed
     */
    public boolean allowed() {
      return refused < 0;
    }
  }

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
