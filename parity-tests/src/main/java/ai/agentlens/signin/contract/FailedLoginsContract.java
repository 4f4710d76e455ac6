package ai.agentlens.signin.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.core.port.FailedLogins;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@link FailedLogins} contract (NFR-22 lockout): {@code record} returns the failures of its
 * key within {@code (at - window, at]}, this one included, and {@code count} sees the same; a
 * failure leaves the window exactly {@code window} after it happened; keys are independent; {@code
 * clear} forgets a key and is idempotent; concurrent records never lose a failure; instances that
 * share a backend see one count (an assumption, reported skipped for a per-process store).
 *
 * <p>One tiny subclass per implementation, in the module that holds it: {@code coordination-redis}
 * runs it for {@code RedisFailedLogins}. The in-memory default lives in core-domain, which cannot
 * depend on this kit (the kit depends on core-domain), so its subclass runs in this kit's own
 * {@code src/test}.
 */
public abstract class FailedLoginsContract {

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Instant T0 = Instant.parse("2026-03-14T15:09:26.535897Z");

  /**
   * Returns the store under test.
   *
   * @return a store; every call may return the same or a new instance
   */
  protected abstract FailedLogins failedLogins();

  /**
   * Returns a second instance sharing state with {@link #failedLogins()}, as a second process
   * would.
   *
   * @return the other instance, or {@code null} when the implementation shares no state
   */
  protected abstract FailedLogins otherInstance();

  private static String key() {
    return "account:" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void recordReturnsTheFailuresInTheWindowThisOneIncludedAndCountAgrees() {
    FailedLogins f = failedLogins();
    String key = key();
    assertThat(f.count(key, T0, WINDOW)).isZero();
    assertThat(f.record(key, T0, WINDOW)).isEqualTo(1);
    assertThat(f.record(key, T0.plusSeconds(1), WINDOW)).isEqualTo(2);
    assertThat(f.record(key, T0.plusSeconds(2), WINDOW)).isEqualTo(3);
    assertThat(f.count(key, T0.plusSeconds(2), WINDOW)).isEqualTo(3);
  }

  @Test
  void aFailureLeavesTheWindowExactlyOneWindowAfterItHappened() {
    FailedLogins f = failedLogins();
    String key = key();
    f.record(key, T0, WINDOW);
    f.record(key, T0.plusSeconds(60), WINDOW);
    assertThat(f.count(key, T0.plus(WINDOW).minusNanos(1000), WINDOW)).isEqualTo(2);
    assertThat(f.count(key, T0.plus(WINDOW), WINDOW)).as("(at - window, at]").isEqualTo(1);
    assertThat(f.record(key, T0.plus(WINDOW).plusSeconds(60), WINDOW))
        .as("both earlier failures are out")
        .isEqualTo(1);
  }

  @Test
  void keysAreIndependentAndClearForgetsOneKeyIdempotently() {
    FailedLogins f = failedLogins();
    String account = key();
    String ip = "ip:203.0.113." + (1 + Math.abs(UUID.randomUUID().hashCode() % 250));
    f.record(account, T0, WINDOW);
    f.record(account, T0.plusSeconds(1), WINDOW);
    f.record(ip, T0.plusSeconds(1), WINDOW);
    f.clear(account);
    f.clear(account);
    assertThat(f.count(account, T0.plusSeconds(2), WINDOW)).isZero();
    assertThat(f.count(ip, T0.plusSeconds(2), WINDOW)).isEqualTo(1);
    f.clear(ip);
  }

  @Test
  void concurrentRecordsNeverLoseAFailure() throws Exception {
    FailedLogins f = failedLogins();
    String key = key();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.submit(
          () -> {
            for (int i = 0; i < 25; i++) {
              f.record(key, T0, WINDOW);
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(f.count(key, T0, WINDOW)).isEqualTo(200);
  }

  @Test
  void instancesSharingABackendSeeOneCount() {
    FailedLogins other = otherInstance();
    assumeTrue(
        other != null, "this store is per process (capability: not shared across instances)");
    String key = key();
    failedLogins().record(key, T0, WINDOW);
    assertThat(other.record(key, T0.plusSeconds(1), WINDOW)).isEqualTo(2);
    other.clear(key);
    assertThat(failedLogins().count(key, T0.plusSeconds(1), WINDOW)).isZero();
  }
}
