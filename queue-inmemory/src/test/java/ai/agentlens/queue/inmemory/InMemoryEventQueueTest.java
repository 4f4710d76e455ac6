package ai.agentlens.queue.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.QueueUnavailableException;
import ai.agentlens.queue.spi.DeliveryPolicy;
import ai.agentlens.queue.spi.QueueCapabilities;
import ai.agentlens.queue.spi.QueueProvider;
import ai.agentlens.queue.spi.QueueSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * What only the in-process backend does; the shared contract runs in {@link
 * InMemoryEventQueueContractTest} (the test kit's suite).
 */
class InMemoryEventQueueTest {

  private static Envelope envelope() {
    Event e =
        Event.unwritten(
            UUID.randomUUID().toString(),
            "o",
            "s",
            "a",
            EventType.CUSTOM,
            Severity.INFO,
            Instant.EPOCH,
            "{}",
            "{}");
    return new Envelope(UUID.randomUUID().toString(), "o", "k", Instant.EPOCH, List.of(e));
  }

  private static QueueSettings settings() {
    return QueueSettings.defaults("t")
        .withCapacity(4)
        .withDelivery(DeliveryPolicy.exponential(0, Duration.ofMillis(10)), Duration.ofSeconds(1))
        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @Test
  void closingWithoutConsumersFailsTheUnstoredEnvelopesAfterTheDrainTimeout() {
    EventQueue q = new InMemoryEventQueue(settings());
    CompletableFuture<Void> stage = q.publish(envelope()).toCompletableFuture();
    q.close();
    assertThat(stage)
        .failsWithin(Duration.ofSeconds(1))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(QueueUnavailableException.class);
    assertThat(q.depth()).isZero();
    assertThat(q.poll("c", 1, Duration.ofSeconds(5))).isEmpty();
    q.close(); // idempotent
  }

  @Test
  void theDeadLetterShelfIsBoundedByTheCapacityAndDropsTheOldest() {
    EventQueue q = new InMemoryEventQueue(settings());
    Envelope first = envelope();
    q.publish(first);
    for (int i = 0; i < 5; i++) {
      if (i > 0) {
        q.publish(envelope());
      }
      Delivery d = q.poll("c", 1, Duration.ofMillis(100)).get(0);
      assertThat(q.nack(d, "x")).isEqualTo(EventQueue.NackOutcome.DEAD_LETTERED);
    }
    assertThat(q.deadLetters(10)).hasSize(4);
    assertThat(q.deadLetters(10)).extracting(dl -> dl.envelope().id()).doesNotContain(first.id());
    q.close();
  }

  @Test
  void theProviderIsFoundByServiceLoaderAndReportsItsCapabilities() {
    QueueProvider p =
        ServiceLoader.load(QueueProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(x -> x.name().equals("in-memory"))
            .findFirst()
            .orElseThrow();
    assertThat(p.capabilities())
        .isEqualTo(
            new QueueCapabilities(
                /* survivesProcessRestart */ false,
                /* sharedAcrossProcesses */ false,
                /* publishCompletesOnAck */ true,
                /* storesEncodedEnvelopes */ false,
                /* boundedCapacity */ true,
                /* partitionsBySession */ false));
    try (EventQueue q = p.open(settings())) {
      assertThat(q).isInstanceOf(InMemoryEventQueue.class);
    }
  }
}
