package ai.agentlens.queue.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueSettingsTest {

  @Test
  void defaultsAndCopies() {
    QueueSettings s = QueueSettings.defaults("events");
    assertThat(s.group()).isEqualTo("workers");
    assertThat(s.policy()).isEqualTo(DeliveryPolicy.DEFAULT);
    assertThat(s.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
    QueueSettings t =
        s.withUrl(URI.create("redis://localhost:6379"))
            .withKeyPrefix("p:")
            .withGroup("g")
            .withCapacity(5)
            .withPoolSize(2)
            .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofSeconds(1))
            .withDelivery(
                DeliveryPolicy.exponential(3, Duration.ofMillis(50)), Duration.ofMillis(500));
    assertThat(t.url()).hasHost("localhost");
    assertThat(t.keyPrefix()).isEqualTo("p:");
    assertThat(t.group()).isEqualTo("g");
    assertThat(t.capacity()).isEqualTo(5);
    assertThat(t.poolSize()).isEqualTo(2);
    assertThat(t.operationTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(t.maxPollWait()).isEqualTo(Duration.ofMillis(100));
    assertThat(t.drainTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(t.visibilityTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(t.name()).isEqualTo("events");
  }

  @Test
  void theVisibilityTimeoutMustOutlastTheLongestBackoff() {
    assertThatThrownBy(
            () ->
                QueueSettings.defaults("q")
                    .withDelivery(DeliveryPolicy.DEFAULT, Duration.ofSeconds(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("visibilityTimeout");
  }

  @Test
  void nonsenseIsRejected() {
    assertThatThrownBy(() -> QueueSettings.defaults(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueueSettings.defaults("q").withCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                QueueSettings.defaults("q")
                    .withTimeouts(Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
