package ai.agentlens.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GcraTest {

  private static final long SECOND = 1_000_000L;
  private static final long T0 = 1_700_000_000L * SECOND;

  @Test
  void aFullMinuteBurstIsAllowedThenTheNextEventWaitsOneInterval() {
    long tat = 0;
    for (int i = 0; i < 100; i++) {
      var step = Gcra.acquire(tat, T0, 1, 100);
      assertThat(step.decision().allowed()).as("event %d", i).isTrue();
      tat = step.newTat();
    }
    var denied = Gcra.acquire(tat, T0, 1, 100);
    assertThat(denied.decision().allowed()).isFalse();
    assertThat(denied.decision().retryAfter().toMillis()).isEqualTo(600);
    assertThat(denied.decision().retryAfterSeconds()).isEqualTo(1);
    assertThat(denied.newTat()).as("a denied request takes nothing").isEqualTo(tat);
    assertThat(Gcra.acquire(tat, T0 + 600_000, 1, 100).decision().allowed()).isTrue();
  }

  @Test
  void batchesTakeTheirSizeInPermits() {
    var first = Gcra.acquire(0, T0, 60, 100);
    assertThat(first.decision().allowed()).isTrue();
    var second = Gcra.acquire(first.newTat(), T0, 60, 100);
    assertThat(second.decision().allowed()).isFalse();
    assertThat(second.decision().retryAfter().toSeconds()).isEqualTo(12);
    assertThat(Gcra.acquire(first.newTat(), T0, 40, 100).decision().allowed()).isTrue();
  }

  @Test
  void theRateRefillsSteadily() {
    long tat = 0;
    long now = T0;
    int allowed = 0;
    for (int i = 0; i < 600; i++) {
      var step = Gcra.acquire(tat, now, 1, 100);
      if (step.decision().allowed()) {
        allowed++;
        tat = step.newTat();
      }
      now += SECOND / 2;
    }
    assertThat(allowed).as("5 minutes at 100/min, starting with a full burst").isBetween(500, 600);
  }

  @Test
  void aRequestLargerThanTheLimitIsNeverAllowedAndSaysAMinute() {
    var step = Gcra.acquire(0, T0, 101, 100);
    assertThat(step.decision().allowed()).isFalse();
    assertThat(step.decision().retryAfterSeconds()).isEqualTo(60);
  }

  @Test
  void releaseGivesPermitsBack() {
    var taken = Gcra.acquire(0, T0, 100, 100);
    assertThat(Gcra.acquire(taken.newTat(), T0, 1, 100).decision().allowed()).isFalse();
    long released = Gcra.release(taken.newTat(), T0, 100, 100);
    assertThat(Gcra.acquire(released, T0, 100, 100).decision().allowed()).isTrue();
    assertThat(Gcra.release(T0, T0 + SECOND, 5, 100)).as("never before now").isEqualTo(T0 + SECOND);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Gcra.acquire(0, T0, 0, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gcra.acquire(0, T0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
