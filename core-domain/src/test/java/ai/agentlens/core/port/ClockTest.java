package ai.agentlens.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockTest {

  @Test
  void systemClockFollowsTheWallClock() {
    Instant before = Instant.now();
    Instant now = Clock.system().now();
    assertThat(now).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
  }

  @Test
  void fixedClockAlwaysAnswersTheSameInstant() {
    Instant instant = Instant.parse("2026-01-02T03:04:05Z");
    Clock clock = Clock.fixed(instant);
    assertThat(clock.now()).isEqualTo(instant);
    assertThat(clock.now()).isEqualTo(instant);
  }

  @Test
  void fixedClockRefusesNull() {
    assertThatThrownBy(() -> Clock.fixed(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
