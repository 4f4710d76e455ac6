package ai.agentlens.benchmarks;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.spi.jdbc.JdbcEventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest throughput through {@code EventStore.append} with the analytics roll-ups written in the
 * same transaction versus with them switched off (the store's benchmark-only switch), in one
 * sitting: each run writes the same events into two fresh databases, alternating which mode goes
 * first, and the medians of the runs are compared (issue 16 target: ratio >= 0.9). A warm-up
 * writes up to 50,000 events in each mode first, untimed.
 *
 * <p>Usage: {@code RollupIngestBenchmark <sqlite|postgres> [events=200000] [runs=3] [threads=1]}.
 * Events as {@link StorageBenchmark}'s (10 agents, sessions of 1,000, batches of 1,000); with
 * several threads, each appends whole batches taken from a shared counter.
 */
public final class RollupIngestBenchmark {

  private RollupIngestBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args backend, events, runs, threads
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String backend = args.length > 0 ? args[0] : "sqlite";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    List<Event> rows = StorageBenchmark.EventGenerator.events("bench-org", events);
    System.out.printf("backend=%s events=%d runs=%d threads=%d%n", backend, events, runs, threads);
    // why: the first timed mode would otherwise pay for JIT compilation and class loading
    List<Event> warm = rows.subList(0, Math.min(rows.size(), 50_000));
    measure(backend, warm, threads, true);
    measure(backend, warm, threads, false);
    double[] on = new double[runs];
    double[] off = new double[runs];
    for (int r = 0; r < runs; r++) {
      boolean onFirst = r % 2 == 0;
      for (boolean mode : new boolean[] {onFirst, !onFirst}) {
        double evs = measure(backend, rows, threads, mode);
        if (mode) {
          on[r] = evs;
        } else {
          off[r] = evs;
        }
      }
      System.out.printf(
          "run %d: rollups=%.0f ev/s without=%.0f ev/s ratio=%.3f%n",
          r + 1, on[r], off[r], on[r] / off[r]);
    }
    double mOn = StorageBenchmark.median(on);
    double mOff = StorageBenchmark.median(off);
    System.out.printf(
        "MEDIAN rollups=%.0f ev/s without=%.0f ev/s ratio=%.3f%n", mOn, mOff, mOn / mOff);
    System.exit(0);
  }

  private static double measure(String backend, List<Event> rows, int threads, boolean rollups)
      throws Exception {
    StorageProvider p = StorageBenchmark.open(backend).provider();
    try {
      ((JdbcEventStore) p.stores().events()).writeRollups(rollups);
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndAdd(1000); i < rows.size(); i = next.getAndAdd(1000)) {
                    p.stores()
                        .events()
                        .append(
                            new EventBatch(
                                "bench-org",
                                "key",
                                rows.subList(i, Math.min(rows.size(), i + 1000))));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double evs = rows.size() / ((System.nanoTime() - t0) / 1e9);
      pool.shutdown();
      return evs;
    } finally {
      p.close();
    }
  }
}
