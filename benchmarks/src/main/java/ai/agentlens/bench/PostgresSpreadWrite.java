package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.testing.TestDatabase;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's CPU per stored event when each append's events are spread over many sessions, as the
 * cloud worker's batches are: {@code EventStore.append} of {@code commit} realistic events at
 * random sessions of {@code sessions}, one append after the other from one thread, on a fresh
 * database already holding {@code preload} such events of one org with a 26-character id (as the
 * cloud's org ids are). No HTTP, no Redis, no load generator, so the database's own cost can be
 * compared between two builds in minutes.
 *
 * <p>Usage: {@code PostgresSpreadWrite [preload=200000] [sessions=2000] [commit=256] [seconds=30]}.
 * Prints per stored event: the CPU of the database's backends (from {@code /proc}, so PostgreSQL
 * must run on this machine, as it does here) and of the appending Java thread. Linux only.
 */
public final class PostgresSpreadWrite {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final String ORG = "01JBENCHSPREADORG000000000";

  private PostgresSpreadWrite() {}

  /**
   * Runs the benchmark.
   *
   * @param args preload, sessions, commit size, seconds
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int preload = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int commit = args.length > 2 ? Integer.parseInt(args[2]) : 256;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    String[] ids = new String[sessions];
    for (int i = 0; i < sessions; i++) {
      ids[i] = "bench-spread-s" + i;
    }
    TestDatabase db = TestPostgres.newDatabase("bench_spread");
    RealisticEvents payloads = new RealisticEvents(7, "spread");
    long[] n = {0};
    try (PostgresStorageProvider p =
        PostgresStorageProvider.open(
            BenchPostgres.config(TestStorage.createRoles(db), Clock.fixed(T0)))) {
      p.stores()
          .orgs()
          .create(new Org(ORG, "spread", "Spread", Plan.PRO, OrgSettings.defaults(90), T0));
      for (int done = 0; done < preload; done += 2_000) {
        p.stores().events().append(SessionSpreadWrite.batch(ORG, payloads, n, ids, 2_000));
        if (done % 50_000 == 0) {
          System.out.printf("preloaded %,d events%n", done);
        }
      }
      // warm-up: the JIT, the backends' caches and plans, not measured
      long warmEnd = System.nanoTime() + 5_000_000_000L;
      while (System.nanoTime() < warmEnd) {
        p.stores().events().append(SessionSpreadWrite.batch(ORG, payloads, n, ids, commit));
      }
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long java0 = mx.getCurrentThreadCpuTime();
      long pg0 = backendTicks(db);
      long stored = 0;
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        stored +=
            p.stores()
                .events()
                .append(SessionSpreadWrite.batch(ORG, payloads, n, ids, commit))
                .stored()
                .size();
      }
      double wall = (System.nanoTime() - start) / 1_000.0 / stored;
      // why: /proc counts CPU in clock ticks of 10 ms; over 30 s that is well under 1 %
      double pg = (backendTicks(db) - pg0) * 10_000.0 / stored;
      double java = (mx.getCurrentThreadCpuTime() - java0) / 1_000.0 / stored;
      System.out.printf(
          "RESULT preload=%d sessions=%d commit=%d stored=%d us_per_event=%.1f"
              + " postgres_cpu_us_per_event=%.1f java_cpu_us_per_event=%.1f events_per_s=%.0f%n",
          preload, sessions, commit, stored, wall, pg, java, 1e6 / wall);
    }
    System.exit(0);
  }

  /** CPU clock ticks used so far by the client backends connected to the database. */
  private static long backendTicks(TestDatabase db) throws SQLException, IOException {
    List<Long> pids = new ArrayList<>();
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select pid from pg_stat_activity where datname = current_database()"
                    + " and backend_type = 'client backend' and pid <> pg_backend_pid()")) {
      while (rs.next()) {
        pids.add(rs.getLong(1));
      }
    }
    long ticks = 0;
    for (long pid : pids) {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // why: utime and stime are fields 14 and 15 of the line, 12 and 13 after the name
      ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
    return ticks;
  }
}
