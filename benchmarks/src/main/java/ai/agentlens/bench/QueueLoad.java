package ai.agentlens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one queue scenario: producers publish {@code total} envelopes between them while consumers
 * poll and acknowledge in batches; the clock stops when the last one is acknowledged. The same
 * harness runs the bare Redis commands and the queue backends, so their rates compare.
 */
final class QueueLoad {

  /** The operations of one scenario. */
  interface Scenario extends AutoCloseable {

    /** Publishes envelope number {@code index}. */
    void publish(int index) throws Exception;

    /** Polls one batch, acknowledges it, and returns its size. */
    int consumeBatch(String consumer) throws Exception;

    @Override
    void close();
  }

  private QueueLoad() {}

  /**
   * Runs the scenario once.
   *
   * @return envelopes per second, publish of the first to ack of the last
   */
  static double run(Scenario scenario, int total, int producers, int consumers) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger consumed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(producers + consumers);
    List<Future<?>> tasks = new ArrayList<>();
    long start = System.nanoTime();
    try {
      for (int p = 0; p < producers; p++) {
        tasks.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    scenario.publish(i);
                  }
                  return null;
                }));
      }
      for (int c = 0; c < consumers; c++) {
        String name = "bench-consumer-" + c;
        tasks.add(
            pool.submit(
                () -> {
                  while (consumed.get() < total) {
                    consumed.addAndGet(scenario.consumeBatch(name));
                  }
                  return null;
                }));
      }
      for (Future<?> f : tasks) {
        f.get(10, TimeUnit.MINUTES);
      }
      return total / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
