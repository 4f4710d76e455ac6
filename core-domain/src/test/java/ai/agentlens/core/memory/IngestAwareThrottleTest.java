package ai.agentlens.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestAwareThrottleTest {

  private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));

  @Test
  void neverPausesBeforeAnythingWasIngested() {
    IngestAwareThrottle throttle = new IngestAwareThrottle(0.2, now::get);
    assertThat(throttle.busy()).isFalse();
    assertThat(throttle.pauseAfter(TimeUnit.MILLISECONDS.toNanos(100))).isZero();
  }

  @Test
  void whileIngestingPausesSoEmbeddingKeepsToItsShare() {
    IngestAwareThrottle throttle = new IngestAwareThrottle(0.2, now::get);
    throttle.ingested();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    // 100 ms of work at a 20 % share: 400 ms pause, so work / (work + pause) = 0.2
    assertThat(throttle.pauseAfter(TimeUnit.MILLISECONDS.toNanos(100)))
        .isEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
  }

  @Test
  void aSecondAfterTheLastStoredBatchRunsAtFullSpeedAgain() {
    IngestAwareThrottle throttle = new IngestAwareThrottle(0.2, now::get);
    throttle.ingested();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
    assertThat(throttle.busy()).isTrue();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    assertThat(throttle.busy()).isFalse();
    assertThat(throttle.pauseAfter(TimeUnit.MILLISECONDS.toNanos(100))).isZero();
  }

  @Test
  void aShareOfOneNeverPausesAndPausesAreCapped() {
    IngestAwareThrottle full = new IngestAwareThrottle(1.0, now::get);
    full.ingested();
    assertThat(full.pauseAfter(TimeUnit.SECONDS.toNanos(1))).isZero();
    IngestAwareThrottle tiny = new IngestAwareThrottle(0.01, now::get);
    tiny.ingested();
    assertThat(tiny.pauseAfter(TimeUnit.SECONDS.toNanos(1)))
        .isEqualTo(TimeUnit.SECONDS.toNanos(10));
  }
}
