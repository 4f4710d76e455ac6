package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * What SQLite's session index kept off the commit (V48) costs: the run that indexes the rows above
 * its mark, per row, and a read by session while those rows wait, as a function of how many wait.
 * Stores {@code preload} realistic events spread over {@code sessions} sessions and indexes them;
 * then for each backlog size stores that many more (unindexed), times a timeline page and a count
 * of one session, times the index run that takes them, and times the same reads again.
 *
 * <p>Usage: {@code SessionIndexCost [preload=600000] [sessions=2000]
 * [backlogs=1000,10000,25000,50000]}.
 */
public final class SessionIndexCost {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private SessionIndexCost() {}

  /**
   * Runs the probe.
   *
   * @param args preload, sessions, backlog sizes
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int preload = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
    int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int[] backlogs =
        Arrays.stream((args.length > 2 ? args[2] : "1000,10000,25000,50000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    String[] ids = new String[sessions];
    for (int i = 0; i < sessions; i++) {
      ids[i] = "bench-spread-s" + i;
    }
    Path dir = Files.createTempDirectory("session-index-cost-");
    RealisticEvents payloads = new RealisticEvents(7, "spread");
    long[] n = {0};
    // why: the probe decides when the index runs; the background indexer would take the backlog
    try (SqliteStorageProvider p =
        SqliteStorageProvider.open(
            new SqliteConfig(dir.resolve("agentlens.db"), 2, Clock.fixed(T0)),
            Duration.ofDays(1))) {
      p.stores()
          .orgs()
          .create(new Org("default", "default", "Default", Plan.PRO, OrgSettings.defaults(90), T0));
      for (int done = 0; done < preload; done += 2_000) {
        p.stores().events().append(SessionSpreadWrite.batch("default", payloads, n, ids, 2_000));
      }
      p.indexSessionsNow();
      System.out.println(
          "| rows waiting | timeline page (100), ms | count of a session, ms | index run, ms"
              + " | per row, µs | timeline after, ms | count after, ms |");
      System.out.println("|---|---|---|---|---|---|---|");
      for (int backlog : backlogs) {
        for (int done = 0; done < backlog; done += 1_000) {
          p.stores()
              .events()
              .append(
                  SessionSpreadWrite.batch(
                      "default", payloads, n, ids, Math.min(1_000, backlog - done)));
        }
        double[] before = reads(p, ids);
        long t0 = System.nanoTime();
        long indexed = p.indexSessionsNow();
        double runMs = (System.nanoTime() - t0) / 1e6;
        double[] after = reads(p, ids);
        System.out.printf(
            "| %,d | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f |%n",
            indexed, before[0], before[1], runMs, runMs * 1_000 / indexed, after[0], after[1]);
      }
    }
  }

  // Median of 21 reads of sessions picked in turn: a timeline page of 100 and a count by session.
  private static double[] reads(SqliteStorageProvider p, String[] ids) {
    double[] page = new double[21];
    double[] count = new double[21];
    for (int i = 0; i < 21; i++) {
      String session = ids[(i * 97) % ids.length];
      long t0 = System.nanoTime();
      p.stores().events().timeline("default", session, 0, 100);
      long t1 = System.nanoTime();
      p.stores()
          .events()
          .count("default", new EventQuery(session, null, null, null, null, null, 100, 0));
      long t2 = System.nanoTime();
      page[i] = (t1 - t0) / 1e6;
      count[i] = (t2 - t1) / 1e6;
    }
    Arrays.sort(page);
    Arrays.sort(count);
    return new double[] {page[10], count[10]};
  }
}
