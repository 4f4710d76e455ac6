package ai.agentlens.queue.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

  @Test
  void theDefaultIsThreeRetriesAfterOneTwoAndFourSeconds() {
    DeliveryPolicy p = DeliveryPolicy.DEFAULT;
    assertThat(p.maxRetries()).isEqualTo(3);
    assertThat(p.maxAttempts()).isEqualTo(4);
    assertThat(p.backoff())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(p.afterFailure(1))
        .isEqualTo(new DeliveryPolicy.Decision(false, Duration.ofSeconds(1)));
    assertThat(p.afterFailure(2))
        .isEqualTo(new DeliveryPolicy.Decision(false, Duration.ofSeconds(2)));
    assertThat(p.afterFailure(3))
        .isEqualTo(new DeliveryPolicy.Decision(false, Duration.ofSeconds(4)));
    assertThat(p.afterFailure(4).deadLetter()).isTrue();
    assertThat(p.afterFailure(9).deadLetter()).isTrue();
    assertThat(p.longestBackoff()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void reclaimedDeliveriesBeyondTheLastAttemptAreExhausted() {
    DeliveryPolicy p = DeliveryPolicy.DEFAULT;
    assertThat(p.exhaustedBefore(4)).isFalse();
    assertThat(p.exhaustedBefore(5)).isTrue();
  }

  @Test
  void theLastWaitRepeatsWhenThereAreMoreRetriesThanWaits() {
    DeliveryPolicy p =
        new DeliveryPolicy(5, List.of(Duration.ofMillis(50), Duration.ofMillis(100)));
    assertThat(p.afterFailure(1).delay()).isEqualTo(Duration.ofMillis(50));
    assertThat(p.afterFailure(5).delay()).isEqualTo(Duration.ofMillis(100));
    assertThat(p.afterFailure(6).deadLetter()).isTrue();
  }

  @Test
  void exponentialDoubles() {
    assertThat(DeliveryPolicy.exponential(3, Duration.ofMillis(50)).backoff())
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void zeroRetriesDeadLettersTheFirstFailure() {
    DeliveryPolicy p = DeliveryPolicy.exponential(0, Duration.ofSeconds(1));
    assertThat(p.afterFailure(1).deadLetter()).isTrue();
  }

  @Test
  void nonsenseIsRejected() {
    assertThatThrownBy(() -> new DeliveryPolicy(-1, List.of(Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryPolicy(1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryPolicy(1, List.of(Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeliveryPolicy.DEFAULT.afterFailure(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
