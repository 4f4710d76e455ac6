package ai.agentlens.queue.contract;

import static org.assertj.core.api.Assertions.fail;

import ai.agentlens.core.port.queue.DeadLetter;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Polls a queue with deadlines instead of fixed sleeps. */
public final class Polling {

  private static final Duration STEP = Duration.ofMillis(100);

  private Polling() {}

  /**
   * Polls until {@code n} deliveries arrived; fails the test when the deadline passes first.
   *
   * @param q the queue
   * @param consumer the consumer name
   * @param n how many deliveries to wait for
   * @param timeout the deadline
   * @return the deliveries, none acknowledged
   */
  public static List<Delivery> until(EventQueue q, String consumer, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Delivery> got = new ArrayList<>();
    while (got.size() < n) {
      if (System.nanoTime() - deadline > 0) {
        fail("only %d of %d deliveries within %s", got.size(), n, timeout);
      }
      got.addAll(q.poll(consumer, n - got.size(), STEP));
    }
    return got;
  }

  /**
   * Polls for the whole duration and returns everything delivered (nothing is acknowledged).
   *
   * @param q the queue
   * @param consumer the consumer name
   * @param duration how long to poll
   * @return every delivery of that time
   */
  public static List<Delivery> collectFor(EventQueue q, String consumer, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    List<Delivery> got = new ArrayList<>();
    while (System.nanoTime() - end < 0) {
      got.addAll(q.poll(consumer, 100, STEP));
    }
    return got;
  }

  /**
   * Polls until a delivery of the envelope arrives; other deliveries stay in flight. Fails the test
   * when the deadline passes first.
   *
   * @param q the queue
   * @param consumer the consumer name
   * @param envelopeId the envelope to wait for
   * @param timeout the deadline
   * @return its delivery
   */
  public static Delivery firstWith(
      EventQueue q, String consumer, String envelopeId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      for (Delivery d : q.poll(consumer, 10, STEP)) {
        if (d.envelope().id().equals(envelopeId)) {
          return d;
        }
      }
    }
    return fail("envelope %s not delivered within %s", envelopeId, timeout);
  }

  /**
   * Keeps polling (which drives reclaiming) until {@code n} dead letters exist; fails the test when
   * the deadline passes first.
   *
   * @param q the queue
   * @param n how many dead letters to wait for
   * @param timeout the deadline
   * @return the dead letters
   */
  public static List<DeadLetter> deadLetters(EventQueue q, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<DeadLetter> dead = q.deadLetters(n + 10);
      if (dead.size() >= n) {
        return dead;
      }
      if (System.nanoTime() - deadline > 0) {
        return fail("only %d of %d dead letters within %s", dead.size(), n, timeout);
      }
      q.poll("reaper", 10, STEP);
    }
  }
}
