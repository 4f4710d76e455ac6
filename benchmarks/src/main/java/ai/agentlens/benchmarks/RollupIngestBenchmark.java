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
 * first, and the medians of the runs are compared (issue 16 target: ratio >= 0.9). A warm-up writes
 * up to 50,000 events in each mode first, untimed.
 *
 * <p>Usage: {@code RollupIngestBenchmark <sqlite|postgres> [events=200000] [runs=3] [threads=1]
 * [compare=rollups|shards]}. Events as {@link StorageBenchmark}'s (10 agents, sessions of 1,000,
 * batches of 1,000); with several threads, each appends whole batches taken from a shared counter.
 * {@code shards} instead compares roll-ups spread over 8 rows per key with 1 row per key, with
 * every event of one agent (each 1,000-event batch its own session, about 2 hours per 200,000
 * events), so concurrent writers add to the same hot rows.
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
    boolean shards = args.length > 4 && args[4].equals("shards");
    List<Event> rows = StorageBenchmark.EventGenerator.events("bench-org", events);
    if (shards) {
      rows = oneAgent(rows);
    }
    System.out.printf("backend=%s events=%d runs=%d threads=%d%n", backend, events, runs, threads);
    // why: the first timed mode would otherwise pay for JIT compilation and class loading
    List<Event> warm = rows.subList(0, Math.min(rows.size(), 50_000));
    measure(backend, warm, threads, true, shards);
    measure(backend, warm, threads, false, shards);
    double[] on = new double[runs];
    double[] off = new double[runs];
    for (int r = 0; r < runs; r++) {
      boolean onFirst = r % 2 == 0;
      for (boolean mode : new boolean[] {onFirst, !onFirst}) {
        double evs = measure(backend, rows, threads, mode, shards);
        if (mode) {
          on[r] = evs;
        } else {
          off[r] = evs;
        }
      }
      System.out.printf(
          "run %d: rollups|8 shards=%.0f ev/s without|1 shard=%.0f ev/s ratio=%.3f%n",
          r + 1, on[r], off[r], on[r] / off[r]);
    }
    double mOn = StorageBenchmark.median(on);
    double mOff = StorageBenchmark.median(off);
    System.out.printf(
        "MEDIAN rollups|8 shards=%.0f ev/s without|1 shard=%.0f ev/s ratio=%.3f%n",
        mOn, mOff, mOn / mOff);
    System.exit(0);
  }

  private static List<Event> oneAgent(List<Event> rows) {
    List<Event> out = new ArrayList<>(rows.size());
    for (Event e : rows) {
      out.add(
          Event.unwritten(
              e.id(),
              e.orgId(),
              e.sessionId(),
              "agent-0",
              e.eventType(),
              e.severity(),
              e.timestamp(),
              e.payload().text(),
              e.metadata().text()));
    }
    return out;
  }

  /**
   * Writes the rows into a fresh database.
   *
   * @param mode roll-ups on (or, comparing shards, 8 shards) versus off (1 shard)
   */
  private static double measure(
      String backend, List<Event> rows, int threads, boolean mode, boolean shards)
      throws Exception {
    StorageProvider p = StorageBenchmark.open(backend).provider();
    try {
      JdbcEventStore store = (JdbcEventStore) p.stores().events();
      if (shards) {
        store.rollupShards(mode ? 8 : 1);
      } else {
        store.writeRollups(mode);
      }
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
