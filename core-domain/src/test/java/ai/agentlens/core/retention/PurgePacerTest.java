package ai.agentlens.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pause after a batch keeps the purge to its share of the wall time. */
class PurgePacerTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final List<Long> slept = new ArrayList<>();

  private PurgePacer pacer(double share) {
    return new PurgePacer(share, now::get, slept::add);
  }

  @Test
  void aBatchOfTenMillisecondsAtAFifthIsFollowedByFortyMillisecondsOfRest() {
    PurgePacer p = pacer(0.2);
    long t = p.start();
    now.addAndGet(10_000_000);
    p.after(t);
    assertThat(slept).containsExactly(40_000_000L);
  }

  @Test
  void aShareOfOneNeverWaitsAndAnInstantBatchNeedsNoRest() {
    PurgePacer whole = pacer(1.0);
    long t = whole.start();
    now.addAndGet(10_000_000);
    whole.after(t);
    PurgePacer half = pacer(0.5);
    half.after(half.start());
    assertThat(slept).isEmpty();
    assertThat(PurgePacer.of(1.0)).isSameAs(PurgePacer.NONE);
  }

  @Test
  void sharesOutsideZeroToOneAreRefusedAndAnInterruptStopsThePurge() {
    assertThatThrownBy(() -> pacer(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pacer(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pacer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    PurgePacer p =
        new PurgePacer(
            0.5,
            now::get,
            n -> {
              throw new InterruptedException();
            });
    long t = p.start();
    now.addAndGet(5);
    try {
      assertThatThrownBy(() -> p.after(t))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
