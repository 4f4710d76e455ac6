package ai.agentlens.queue.contract;

import static org.assertj.core.api.Assertions.fail;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.testing.SampleEnvelopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Steps of the contract's partition scenarios (backends that partition by session). */
final class Partitions {

  private static final Duration STEP = Duration.ofMillis(50);

  private Partitions() {}

  /**
   * Lets the consumers poll an empty queue, in turn, for longer than a lease takes to move (a lease
   * lasts half the visibility timeout and is renewed at most every second), so each ends holding
   * its share.
   */
  static void settle(EventQueue q, List<String> consumers) {
    long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() - end < 0) {
      for (String c : consumers) {
        if (!q.poll(c, 10, STEP).isEmpty()) {
          fail("the queue was expected to be empty while the consumers settle");
        }
      }
    }
  }

  /**
   * Publishes {@code rounds} single-event envelopes to each of {@code sessions} fresh sessions,
   * round after round, so a session's envelopes lie apart in its shard.
   */
  static List<Envelope> publishSessions(EventQueue q, int sessions, int rounds) {
    List<String> ids = new ArrayList<>(sessions);
    for (int i = 0; i < sessions; i++) {
      ids.add("sess-" + UUID.randomUUID());
    }
    List<Envelope> out = new ArrayList<>(sessions * rounds);
    for (int r = 0; r < rounds; r++) {
      for (String session : ids) {
        Envelope env = SampleEnvelopes.realistic("org-a", session, 1);
        q.publish(env);
        out.add(env);
      }
    }
    return out;
  }

  /**
   * Polls with each consumer in turn, acknowledging everything, until {@code count} deliveries
   * arrived; fails the test when the deadline passes first.
   *
   * @return the deliveries by consumer
   */
  static Map<String, List<Delivery>> drain(
      EventQueue q, List<String> consumers, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, List<Delivery>> out = new LinkedHashMap<>();
    consumers.forEach(c -> out.put(c, new ArrayList<>()));
    int total = 0;
    while (total < count) {
      if (System.nanoTime() - deadline > 0) {
        fail("only %d of %d deliveries within %s", total, count, timeout);
      }
      for (String c : consumers) {
        List<Delivery> got = q.poll(c, 16, STEP);
        q.ack(got);
        out.get(c).addAll(got);
        total += got.size();
      }
    }
    return out;
  }

  /** The sessions of the deliveries' events. */
  static Set<String> sessions(List<Delivery> deliveries) {
    Set<String> out = new HashSet<>();
    deliveries.forEach(d -> d.envelope().events().forEach(e -> out.add(e.sessionId())));
    return out;
  }
}
