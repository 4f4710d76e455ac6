package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.retention.PurgeJob;
import ai.agentlens.core.retention.PurgePacer;
import ai.agentlens.core.retention.PurgeReport;
import ai.agentlens.core.retention.RetentionPolicy;
import ai.agentlens.storage.spi.StorageProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Ingestion during a retention purge, below HTTP (issue 15; target: the stored rate while a purge
 * runs at least 0.8 of the rate without). An org on Pro (30-day window) holds {@code oldEvents}
 * events from 400 days ago; {@code threads} writers append batches of 100 fresh events of another
 * org (kept forever) through the backend's {@code EventStore} as fast as it takes them: {@code
 * seconds} without a purge, then while {@link PurgeJob} (the daily job, paced by {@link PurgePacer}
 * to {@code share} of the time, batches of {@code batch}) deletes the old org's events — for at
 * most {@code purgeSeconds}, then the purge is stopped — then {@code seconds} without again. Prints
 * each rate, the purge's rate (and report when it finished) and the ratio of the rate during the
 * purge to the mean of the two without.
 *
 * <pre>
 * java -cp $CP ai.agentlens.bench.PurgeIngestBenchmark [oldEvents=1000000] [sqlite|postgres] \
 *   [seconds=20] [threads=4] [batch=1000] [share=0.2] [purgeSeconds=60]
 * </pre>
 */
public final class PurgeIngestBenchmark {

  private static final AtomicLong IDS = new AtomicLong();

  private PurgeIngestBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args old events, backend, seconds, threads
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    int oldEvents = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
    String backend = args.length > 1 ? args[1] : "sqlite";
    int seconds = Integer.parseInt(args.length > 2 ? args[2] : "20");
    int threads = Integer.parseInt(args.length > 3 ? args[3] : "4");
    int batch = Integer.parseInt(args.length > 4 ? args[4] : "1000");
    double share = Double.parseDouble(args.length > 5 ? args[5] : "0.2");
    int purgeSeconds = Integer.parseInt(args.length > 6 ? args[6] : "60");
    Clock clock = Clock.system();
    Path dir = Files.createTempDirectory("agentlens-purge-ingest-");
    try (StorageProvider p = BenchStores.open(backend, clock, dir)) {
      Instant now = clock.now();
      p.stores()
          .orgs()
          .create(
              new Org(
                  "org_purged", "purged", "org_purged", Plan.PRO, OrgSettings.defaults(30), now));
      p.stores()
          .orgs()
          .create(
              new Org(
                  "org_live",
                  "live",
                  "org_live",
                  Plan.SELF_HOSTED,
                  OrgSettings.defaults(3650),
                  now));
      long t0 = System.nanoTime();
      BenchStores.loadToolCalls(p, "org_purged", oldEvents, now.minus(Duration.ofDays(400)));
      System.out.printf(
          "%s: %,d events of 400 days ago stored in %.1f s%n",
          backend, oldEvents, (System.nanoTime() - t0) / 1e9);

      double before = ingest(p, threads, deadline(seconds));
      report(backend, "without a purge (before)", before);

      CountingPurge counting = new CountingPurge(p.retentionPurge());
      PurgeJob job =
          new PurgeJob(
              p.stores().orgs(),
              counting,
              p.jobLeases(),
              clock,
              new RetentionPolicy(OptionalInt.empty()),
              "bench",
              batch,
              PurgePacer.of(share));
      AtomicReference<Object> outcome = new AtomicReference<>();
      Thread purger =
          new Thread(
              () -> {
                try {
                  outcome.set(job.runOnce().orElseThrow());
                } catch (RuntimeException e) {
                  outcome.set(e);
                }
              },
              "purge");
      long p0 = System.nanoTime();
      purger.start();
      BooleanSupplier window = deadline(purgeSeconds);
      double during = ingest(p, threads, () -> purger.isAlive() && window.getAsBoolean());
      double took = (System.nanoTime() - p0) / 1e9;
      long deleted = counting.events();
      boolean finished = !purger.isAlive();
      if (!finished) {
        // why: a paced purge of a million events takes many minutes; its rate over the window is
        // what the capacity needs, so the rest is cut short
        purger.interrupt();
      }
      purger.join();
      System.out.printf(
          "%s: purge (batches of %d, share %.2f) deleted %,d events in %.1f s = %,.0f events/s%s%n",
          backend,
          batch,
          share,
          deleted,
          took,
          deleted / took,
          finished ? ": " + outcome.get() : " (stopped at the end of the window)");
      report(backend, "during the purge", during);
      if (finished && !(outcome.get() instanceof PurgeReport r && r.events() == oldEvents)) {
        throw new IllegalStateException("purge did not delete " + oldEvents + ": " + outcome.get());
      }

      double after = ingest(p, threads, deadline(seconds));
      report(backend, "without a purge (after)", after);
      System.out.printf(
          "%s: ratio during / mean(before, after) = %.2f (target >= 0.8)%n",
          backend, during / ((before + after) / 2));
      System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim());
    }
  }

  private static BooleanSupplier deadline(int seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    return () -> System.nanoTime() < end;
  }

  private static void report(String backend, String phase, double rate) {
    System.out.printf("%s: stored %,.0f events/s %s%n", backend, rate, phase);
  }

  /** Appends batches of 100 in every thread while {@code go} holds; returns events/s. */
  private static double ingest(StorageProvider p, int threads, BooleanSupplier go)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong stored = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                while (!stop.get()) {
                  long first = IDS.getAndAdd(100);
                  List<Event> batch = new ArrayList<>(100);
                  for (long i = first; i < first + 100; i++) {
                    batch.add(
                        BenchStores.toolCall(
                            "live-" + i,
                            "org_live",
                            "live-s-" + first,
                            "agent-" + (i % 20),
                            Instant.now(),
                            i));
                  }
                  p.stores().events().append(new EventBatch("org_live", null, batch));
                  stored.addAndGet(100);
                }
              },
              pool));
    }
    while (go.getAsBoolean()) {
      Thread.sleep(20);
    }
    stop.set(true);
    long n = stored.get();
    double s = (System.nanoTime() - t0) / 1e9;
    for (CompletableFuture<Void> w : writers) {
      w.get();
    }
    pool.shutdown();
    return n / s;
  }
}
