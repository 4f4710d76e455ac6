package ai.agentlens.benchmarks;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.core.memory.IndexerSettings;
import ai.agentlens.core.memory.MemoryIndexer;
import ai.agentlens.embedding.onnx.OnnxEmbeddingModel;
import ai.agentlens.testing.MapEmbeddingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The embedding worker under a burst (issue 12), in process: the real {@link MemoryIndexer} with
 * the in-process model and an in-memory store, fed as the ingest worker feeds it — batches of 100
 * committed tool-call events at {@code rate} events/s for {@code seconds} — then left to drain.
 * Prints what the listener call costs the ingest worker per batch (p50/p99/max: the only time
 * embedding can take from ingestion), the backlog's peak, how many items the full backlog dropped,
 * and how long the backlog took to drain after the burst (or that it did not within {@code
 * drainLimit} seconds).
 *
 * <pre>
 * java -cp … ai.agentlens.benchmarks.EmbeddingBacklogBenchmark [rate=10000] [seconds=10] [backlog=10000] [drainLimit=600]
 * </pre>
 */
public final class EmbeddingBacklogBenchmark {

  private EmbeddingBacklogBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args rate, seconds, backlog size, drain limit in seconds
   * @throws InterruptedException when interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int backlog = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int drainLimit = args.length > 3 ? Integer.parseInt(args[3]) : 600;
    long loadMs = OnnxEmbeddingModel.loadNow();
    MapEmbeddingStore store = new MapEmbeddingStore();
    MemoryIndexer indexer =
        new MemoryIndexer(
            EmbeddingModels.of(new OnnxEmbeddingModel()),
            store,
            new IndexerSettings(backlog, 32, Duration.ofSeconds(1)));
    indexer.start(
        r -> {
          Thread t = new Thread(r, "embedding-worker");
          t.setDaemon(true);
          t.setPriority(Thread.MIN_PRIORITY);
          return t;
        });
    List<String> texts = EmbeddingThroughputBenchmark.summaries(4096);
    int perBatch = 100;
    int batches = rate * seconds / perBatch;
    long[] callNanos = new long[batches];
    long periodNanos = 1_000_000_000L * perBatch / rate;
    int peak = 0;
    long start = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      long due = start + b * periodNanos;
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      List<Event> events = new ArrayList<>(perBatch);
      for (int i = 0; i < perBatch; i++) {
        int n = b * perBatch + i;
        String note = texts.get(n % texts.size()).replace('"', '\'');
        events.add(
            Event.unwritten(
                "e" + n,
                "bench",
                "s" + (n / 50),
                "agent-" + (n % 20),
                EventType.TOOL_CALL,
                Severity.INFO,
                Instant.now(),
                "{\"toolName\":\"t\",\"callId\":\"c"
                    + n
                    + "\",\"arguments\":{\"note\":\""
                    + note
                    + "\"}}",
                "{}"));
      }
      List<EventBatch> committed = List.of(new EventBatch("bench", null, events));
      long t0 = System.nanoTime();
      indexer.stored(committed);
      callNanos[b] = System.nanoTime() - t0;
      peak = Math.max(peak, indexer.stats().backlog());
    }
    double burst = (System.nanoTime() - start) / 1e9;
    long burstEnd = System.nanoTime();
    while (indexer.stats().backlog() > 0
        && System.nanoTime() - burstEnd < drainLimit * 1_000_000_000L) {
      Thread.sleep(50);
    }
    double drain = (System.nanoTime() - burstEnd) / 1e9;
    boolean drained = indexer.stats().backlog() == 0;
    Thread.sleep(1500); // why: the last batch may still be in the model when the backlog is empty
    indexer.close();
    Arrays.sort(callNanos);
    var s = indexer.stats();
    System.out.printf(
        "model load %d ms; burst %d events in %.1f s (%.0f/s offered); listener call per 100-event"
            + " batch p50 %.1f us, p99 %.1f us, max %.1f us; backlog peak %d of %d; dropped %d;"
            + " embedded %d; failed %d; %s %.1f s after the burst; %d cores, load average %s%n",
        loadMs,
        batches * perBatch,
        burst,
        batches * perBatch / burst,
        callNanos[batches / 2] / 1e3,
        callNanos[(int) Math.min(batches - 1, Math.ceil(batches * 0.99) - 1)] / 1e3,
        callNanos[batches - 1] / 1e3,
        peak,
        backlog,
        s.dropped(),
        s.embedded(),
        s.failed(),
        drained ? "backlog drained" : "backlog NOT drained",
        drain,
        Runtime.getRuntime().availableProcessors(),
        EmbeddingThroughputBenchmark.loadAverage());
  }
}
