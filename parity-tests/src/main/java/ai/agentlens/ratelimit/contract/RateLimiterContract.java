package ai.agentlens.ratelimit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.RateLimiter.Decision;
import ai.agentlens.core.port.RateLimiter.Outcome;
import ai.agentlens.core.port.RateLimiter.Take;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The {@link RateLimiter} contract (FR-30, FR-31): a minute's worth of a limit is allowed at once,
 * then refused with a retry-after; a batch takes its size and a denied batch takes nothing; a
 * request larger than the limit is refused with a minute; release gives back what was taken;
 * buckets are independent; several buckets are taken all or none, and a refusal names the first
 * bucket that refused; concurrent callers never take more than the limit; instances that share
 * state share one budget (an assumption, reported skipped for a per-process limiter). Real time, no
 * sleeps.
 *
 * <p>One tiny subclass per implementation, in the module that holds it: {@code coordination-redis}
 * runs it for {@code RedisRateLimiter}. The in-memory default lives in core-domain, which cannot
 * depend on this kit (the kit depends on core-domain), so its subclass runs in this kit's own
 * {@code src/test}.
 */
public abstract class RateLimiterContract {

  /**
   * Returns the limiter under test.
   *
   * @return a limiter; every call may return the same or a new instance
   */
  protected abstract RateLimiter limiter();

  /**
   * Returns a second instance sharing state with {@link #limiter()}, as a second process would.
   *
   * @return the other instance, or {@code null} when the implementation shares no state
   */
  protected abstract RateLimiter otherInstance();

  private static String bucket() {
    return "key:" + UUID.randomUUID();
  }

  @Test
  void aMinutesWorthIsAllowedAtOnceThenRefused() {
    RateLimiter limiter = limiter();
    String bucket = bucket();
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.acquire(bucket, 1, 100).allowed()).as("event %d", i).isTrue();
    }
    Decision denied = limiter.acquire(bucket, 1, 100);
    int extra = 0;
    // why: the limit refills one permit per 600 ms of real (server) time; on a loaded machine the
    // 100 calls can take longer than that, so allow exactly the permits refilled meanwhile
    long refilled = (System.nanoTime() - start) / 600_000_000L;
    while (denied.allowed() && extra < refilled + 1) {
      extra++;
      denied = limiter.acquire(bucket, 1, 100);
    }
    assertThat(denied.allowed()).as("refused after 100 + %d refilled", extra).isFalse();
    assertThat(extra).isLessThanOrEqualTo((int) ((System.nanoTime() - start) / 600_000_000L));
    assertThat(denied.retryAfter().toMillis()).isBetween(1L, 600L);
    assertThat(denied.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void aBatchTakesItsSizeAndADeniedBatchTakesNothing() {
    RateLimiter limiter = limiter();
    String bucket = bucket();
    assertThat(limiter.acquire(bucket, 80, 100).allowed()).isTrue();
    Decision denied = limiter.acquire(bucket, 30, 100);
    assertThat(denied.allowed()).isFalse();
    assertThat(denied.retryAfterSeconds()).isBetween(5L, 6L);
    assertThat(limiter.acquire(bucket, 20, 100).allowed())
        .as("the denied 30 took nothing")
        .isTrue();
  }

  @Test
  void aRequestLargerThanTheLimitIsRefusedWithAMinute() {
    Decision d = limiter().acquire(bucket(), 101, 100);
    assertThat(d.allowed()).isFalse();
    assertThat(d.retryAfterSeconds()).isEqualTo(60);
  }

  @Test
  void releaseGivesBackWhatWasTaken() {
    RateLimiter limiter = limiter();
    String bucket = bucket();
    assertThat(limiter.acquire(bucket, 100, 100).allowed()).isTrue();
    assertThat(limiter.acquire(bucket, 50, 100).allowed()).isFalse();
    limiter.release(bucket, 100, 100);
    assertThat(limiter.acquire(bucket, 50, 100).allowed()).isTrue();
  }

  @Test
  void bucketsAreIndependent() {
    RateLimiter limiter = limiter();
    String a = bucket();
    assertThat(limiter.acquire(a, 10, 10).allowed()).isTrue();
    assertThat(limiter.acquire(a, 1, 10).allowed()).isFalse();
    assertThat(limiter.acquire(bucket(), 10, 10).allowed()).isTrue();
  }

  @Test
  void concurrentCallersNeverTakeMoreThanTheLimit() throws Exception {
    RateLimiter limiter = limiter();
    String bucket = bucket();
    long start = System.nanoTime();
    int allowed = allowedOnEightThreads(() -> () -> limiter.acquire(bucket, 1, 60).allowed());
    long refill = (System.nanoTime() - start) / 1_000_000_000L + 1;
    assertThat(allowed).isBetween(60, 60 + (int) refill);
  }

  @Test
  void acquireAllTakesFromEveryBucket() {
    RateLimiter limiter = limiter();
    String key = bucket();
    String org = bucket();
    assertThat(limiter.acquireAll(List.of(new Take(key, 30, 100), new Take(org, 30, 200))))
        .isEqualTo(Outcome.ALLOWED);
    assertThat(limiter.acquire(key, 71, 100).allowed()).as("the key gave 30 of 100").isFalse();
    assertThat(limiter.acquire(key, 70, 100).allowed()).isTrue();
    assertThat(limiter.acquire(org, 171, 200).allowed()).as("the org gave 30 of 200").isFalse();
    assertThat(limiter.acquire(org, 170, 200).allowed()).isTrue();
  }

  @Test
  void aRefusedTakeTakesNothingFromAnyBucketAndIsNamed() {
    RateLimiter limiter = limiter();
    String key = bucket();
    String org = bucket();
    String agent = bucket();
    assertThat(limiter.acquire(org, 90, 100).allowed()).isTrue();
    Outcome refused =
        limiter.acquireAll(
            List.of(new Take(key, 20, 100), new Take(org, 20, 100), new Take(agent, 20, 100)));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.refused()).as("the org, second in the list").isEqualTo(1);
    assertThat(refused.decision().allowed()).isFalse();
    assertThat(refused.decision().retryAfterSeconds()).isBetween(5L, 6L);
    assertThat(limiter.acquire(key, 100, 100).allowed()).as("the key gave nothing").isTrue();
    assertThat(limiter.acquire(agent, 100, 100).allowed()).as("the agent gave nothing").isTrue();
    assertThat(limiter.acquire(org, 11, 100).allowed()).as("the org still holds its 90").isFalse();
  }

  @Test
  void aTakeLargerThanItsLimitIsRefusedWithAMinute() {
    Outcome o =
        limiter().acquireAll(List.of(new Take(bucket(), 10, 100), new Take(bucket(), 11, 10)));
    assertThat(o.refused()).isEqualTo(1);
    assertThat(o.decision().retryAfterSeconds()).isEqualTo(60);
  }

  @Test
  void releaseAllGivesBackEveryTake() {
    RateLimiter limiter = limiter();
    List<Take> takes = List.of(new Take(bucket(), 100, 100), new Take(bucket(), 50, 50));
    assertThat(limiter.acquireAll(takes).allowed()).isTrue();
    assertThat(limiter.acquireAll(takes).refused()).isZero();
    limiter.releaseAll(takes);
    assertThat(limiter.acquireAll(takes).allowed()).isTrue();
  }

  @Test
  void aBucketNamedTwiceInOneCallIsRefusedAsAnError() {
    String b = bucket();
    assertThatThrownBy(() -> limiter().acquireAll(List.of(new Take(b, 1, 10), new Take(b, 1, 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(b);
  }

  @Test
  void concurrentCallsOfSeveralBucketsNeverOverrunTheSharedOne() throws Exception {
    RateLimiter limiter = limiter();
    String org = bucket();
    long start = System.nanoTime();
    int allowed =
        allowedOnEightThreads(
            () -> {
              String key = bucket();
              List<Take> takes = List.of(new Take(key, 1, 20), new Take(org, 1, 60));
              return () -> limiter.acquireAll(takes).allowed();
            });
    long refill = (System.nanoTime() - start) / 1_000_000_000L + 1;
    assertThat(allowed)
        .as("the org's 60, whatever the keys allow")
        .isBetween(60, 60 + (int) refill);
  }

  /** Makes 25 attempts on each of 8 threads, each thread's attempt from {@code perThread}. */
  private static int allowedOnEightThreads(Supplier<BooleanSupplier> perThread)
      throws InterruptedException {
    AtomicInteger allowed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      BooleanSupplier attempt = perThread.get();
      pool.submit(
          () -> {
            for (int i = 0; i < 25; i++) {
              if (attempt.getAsBoolean()) {
                allowed.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    return allowed.get();
  }

  @Test
  void instancesShareOneBudget() {
    RateLimiter other = otherInstance();
    assumeTrue(
        other != null, "this limiter is per process (capability: not shared across instances)");
    String bucket = bucket();
    assertThat(limiter().acquire(bucket, 60, 100).allowed()).isTrue();
    assertThat(other.acquire(bucket, 60, 100).allowed())
        .as("the other instance sees the first one's 60")
        .isFalse();
    assertThat(other.acquire(bucket, 40, 100).allowed()).isTrue();
  }
}
