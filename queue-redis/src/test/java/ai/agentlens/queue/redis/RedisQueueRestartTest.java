package ai.agentlens.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.QueueUnavailableException;
import ai.agentlens.queue.contract.Polling;
import ai.agentlens.queue.spi.DeliveryPolicy;
import ai.agentlens.queue.spi.QueueSettings;
import ai.agentlens.testing.EmbeddedRedis;
import ai.agentlens.testing.SampleEnvelopes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test: a Redis server this test owns (own port, own data directory) is stopped and started
 * under a live {@link EventQueue}, without restarting the queue or this process.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RedisQueueRestartTest {

  private static final Duration OPERATION_TIMEOUT = Duration.ofMillis(500);

  @TempDir Path dataDir;

  private static QueueSettings settings(EmbeddedRedis redis) {
    return QueueSettings.defaults("restart")
        .withUrl(redis.asServer().uri())
        .withDelivery(DeliveryPolicy.exponential(3, Duration.ofMillis(50)), Duration.ofMillis(500))
        .withTimeouts(OPERATION_TIMEOUT, Duration.ofMillis(200), Duration.ofMillis(200));
  }

  @Test
  void ackedWorkIsNeverRedeliveredPublishesFailFastAndTheQueueRecovers() {
    try (EmbeddedRedis redis =
            EmbeddedRedis.startOnFreePort(
                "appendonly yes", "appendfsync always", "dir " + dataDir, "save \"\"");
        EventQueue q = new RedisQueueProvider().open(settings(redis))) {
      for (int i = 0; i < 10; i++) {
        q.publish(SampleEnvelopes.realistic("org-a", 5));
      }
      List<Delivery> first = Polling.until(q, "c1", 10, Duration.ofSeconds(10));
      Set<String> acked = ids(first.subList(0, 5));
      Set<String> unacked = ids(first.subList(5, 10));
      q.ack(first.subList(0, 5));

      redis.stop();
      assertFailsFast(() -> q.publish(SampleEnvelopes.small("org-a")));
      assertFailsFast(() -> q.poll("c2", 10, Duration.ofMillis(100)));
      assertFailsFast(q::depth);

      redis.start();
      Envelope after = SampleEnvelopes.small("org-a");
      publishWithin(q, after, Duration.ofSeconds(15));

      Set<String> expected = new HashSet<>(unacked);
      expected.add(after.id());
      Map<String, Delivery> seen = drain(q, expected, Duration.ofSeconds(15));
      assertThat(seen.keySet()).doesNotContainAnyElementsOf(acked);
      assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected);
      unacked.forEach(
          id ->
              assertThat(seen.get(id).attempt())
                  .as("redelivery of %s", id)
                  .isGreaterThanOrEqualTo(2));
      assertThat(Polling.collectFor(q, "c3", Duration.ofSeconds(1))).isEmpty();
      assertThat(q.depth()).isZero();
    }
  }

  @Test
  void aRestartThatLostTheStreamAndItsGroupIsSurvivedToo() {
    try (EmbeddedRedis redis = EmbeddedRedis.startOnFreePort("appendonly no", "save \"\"");
        EventQueue q = new RedisQueueProvider().open(settings(redis))) {
      q.publish(SampleEnvelopes.small("org-a"));
      redis.stop();
      redis.start();
      assertThat(q.depth()).as("this server keeps nothing").isZero();
      Envelope after = SampleEnvelopes.small("org-a");
      publishWithin(q, after, Duration.ofSeconds(15));
      List<Delivery> got = Polling.until(q, "c1", 1, Duration.ofSeconds(10));
      assertThat(got.get(0).envelope()).isEqualTo(after);
      q.ack(got);
      assertThat(q.depth()).isZero();
    }
  }

  private static void assertFailsFast(ThrowingCallable call) {
    long start = System.nanoTime();
    assertThatThrownBy(call).isInstanceOf(QueueUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(OPERATION_TIMEOUT.multipliedBy(4));
  }

  private static void publishWithin(EventQueue q, Envelope env, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        q.publish(env);
        return;
      } catch (QueueUnavailableException e) {
        if (System.nanoTime() - deadline > 0) {
          fail("queue did not recover within %s: %s", timeout, e.getMessage());
        }
        sleep(50); // the server may still be loading its data
      }
    }
  }

  private static Map<String, Delivery> drain(EventQueue q, Set<String> expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Delivery> seen = new HashMap<>();
    while (!seen.keySet().containsAll(expected) && System.nanoTime() - deadline < 0) {
      List<Delivery> got = q.poll("c2", 20, Duration.ofMillis(200));
      got.forEach(d -> seen.putIfAbsent(d.envelope().id(), d));
      q.ack(got);
    }
    return seen;
  }

  private static Set<String> ids(List<Delivery> deliveries) {
    Set<String> out = new HashSet<>();
    deliveries.forEach(d -> out.add(d.envelope().id()));
    return out;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
