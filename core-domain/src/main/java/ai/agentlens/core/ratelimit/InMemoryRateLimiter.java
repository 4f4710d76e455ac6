package ai.agentlens.core.ratelimit;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link RateLimiter} for one process (self-hosted): one TAT per bucket in a concurrent map,
 * updated atomically per bucket. Buckets whose TAT has passed hold no state worth keeping and are
 * swept every 4,096 calls, so memory follows the number of recently active keys and orgs.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  private final ConcurrentHashMap<String, Long> tats = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final Clock clock;

  /**
   * Creates a limiter.
   *
   * @param clock the time source
   */
  public InMemoryRateLimiter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Decision acquire(String bucket, int permits, int perMinute) {
    long now = micros(clock.now());
    Decision[] decision = new Decision[1];
    tats.compute(
        bucket,
        (k, tat) -> {
          Gcra.Step step = Gcra.acquire(tat == null ? 0 : tat, now, permits, perMinute);
          decision[0] = step.decision();
          return step.newTat() == 0 ? null : step.newTat();
        });
    if ((calls.incrementAndGet() & 4095) == 0) {
      tats.entrySet().removeIf(e -> e.getValue() <= now);
    }
    return decision[0];
  }

  @Override
  public void release(String bucket, int permits, int perMinute) {
    long now = micros(clock.now());
    tats.computeIfPresent(bucket, (k, tat) -> Gcra.release(tat, now, permits, perMinute));
  }

  /**
   * Returns how many buckets hold state (for tests and metrics).
   *
   * @return the number of buckets
   */
  public int buckets() {
    return tats.size();
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
