package ai.agentlens.queue.contract;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.testing.SampleEnvelopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Producers and consumers on one queue at once. Consumers fail every tenth envelope's first attempt
 * (nack), acknowledge everything else, and record a violation whenever an envelope is delivered
 * after its acknowledgement returned.
 */
final class ConcurrentRun {

  private final EventQueue queue;
  private final int producers;
  private final int consumers;
  private final int perProducer;
  private final Set<String> published = ConcurrentHashMap.newKeySet();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<CompletableFuture<Void>> stages =
      new ConcurrentLinkedQueue<>();
  private final AtomicInteger retried = new AtomicInteger();

  ConcurrentRun(EventQueue queue, int producers, int consumers, int perProducer) {
    this.queue = queue;
    this.producers = producers;
    this.consumers = consumers;
    this.perProducer = perProducer;
  }

  void execute(Duration timeout) throws Exception {
    int total = producers * perProducer;
    ExecutorService pool = Executors.newFixedThreadPool(producers + consumers);
    List<Future<?>> tasks = new ArrayList<>();
    try {
      for (int p = 0; p < producers; p++) {
        int producer = p;
        tasks.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perProducer; i++) {
                    Envelope env = SampleEnvelopes.realistic("org-" + producer, 3);
                    published.add(env.id());
                    stages.add(queue.publish(env).toCompletableFuture());
                  }
                }));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      for (int c = 0; c < consumers; c++) {
        String name = "consumer-" + c;
        tasks.add(
            pool.submit(
                () -> {
                  while (acked.size() < total && System.nanoTime() - deadline < 0) {
                    consume(queue.poll(name, 16, Duration.ofMillis(100)));
                  }
                }));
      }
      for (Future<?> f : tasks) {
        f.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void consume(List<Delivery> batch) {
    List<Delivery> ok = new ArrayList<>(batch.size());
    for (Delivery d : batch) {
      String id = d.envelope().id();
      if (acked.contains(id)) {
        violations.add(id + " delivered again (attempt " + d.attempt() + ") after its ack");
      } else if (Math.floorMod(id.hashCode(), 10) == 0 && d.attempt() == 1) {
        queue.nack(d, "simulated failure");
        retried.incrementAndGet();
      } else {
        ok.add(d);
      }
    }
    queue.ack(ok);
    ok.forEach(d -> acked.add(d.envelope().id()));
  }

  Set<String> publishedIds() {
    return published;
  }

  Set<String> ackedIds() {
    return acked;
  }

  List<String> violations() {
    return new ArrayList<>(violations);
  }

  List<CompletableFuture<Void>> stages() {
    return new ArrayList<>(stages);
  }

  int retriedAtLeastOnce() {
    return retried.get();
  }
}
