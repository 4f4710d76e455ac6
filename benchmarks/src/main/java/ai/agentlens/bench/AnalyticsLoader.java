package ai.agentlens.bench;

import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.org.Provisioning;
import ai.agentlens.core.port.Clock;
import ai.agentlens.hasher.bcrypt.BcryptSecretHasher;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import com.github.f4b6a3.ulid.UlidCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills a launcher's database with analytics-sized data through the real write path, so roll-ups
 * and everything else the write transaction maintains are written exactly as in production.
 *
 * <pre>
 * AnalyticsLoader selfhosted --data-dir DIR [options]   # the self-hosted launcher's SQLite file
 * AnalyticsLoader cloud [options]                       # a fresh PostgreSQL database and roles
 * options: --events 10000000 --orgs 100 --agents 1000 --days 90 --batch 5000 --threads 2 (cloud 3)
 * </pre>
 *
 * <p>A self-hosted data directory that already holds a load may be loaded again (a larger size in
 * stages): the orgs exist, each gets one more key, and the new sessions have new ids.
 *
 * <p>First creates one API key per org (self-hosted: {@link Provisioning#createKey}, which also
 * creates the org on the self-hosted plan; cloud: {@link CloudBenchSetup#prepare}, Enterprise
 * orgs), then writes {@link AnalyticsSessions} through {@code EventStore.append} of the backend's
 * {@link StorageProvider}, whole sessions grouped into transactions of about {@code batch} events
 * (as the worker groups envelopes), from {@code threads} threads with disjoint sessions. Progress
 * goes to standard error every 15 s; at the end standard output gets {@code export} lines: {@code
 * BENCH_KEYS} (comma-separated, org order) and, for cloud, the database settings of {@link
 * CloudBenchSetup}. The cloud database is left in place for the launcher (drop it afterwards).
 */
public final class AnalyticsLoader {

  private AnalyticsLoader() {}

  /**
   * Runs the loader.
   *
   * @param args {@code selfhosted|cloud} and options
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("selfhosted") || args[0].equals("cloud"))) {
      System.err.println("usage: AnalyticsLoader selfhosted --data-dir DIR | cloud [--events N] …");
      System.exit(2);
    }
    boolean cloud = args[0].equals("cloud");
    Map<String, String> o = Options.parse(args, 1);
    long events = Long.parseLong(o.getOrDefault("events", "10000000"));
    int orgs = Integer.parseInt(o.getOrDefault("orgs", "100"));
    int agents = Integer.parseInt(o.getOrDefault("agents", "1000"));
    int days = Integer.parseInt(o.getOrDefault("days", "90"));
    int batch = Integer.parseInt(o.getOrDefault("batch", "5000"));
    int threads = Integer.parseInt(o.getOrDefault("threads", cloud ? "3" : "2"));
    Clock clock = Clock.system();
    long t0 = System.nanoTime();
    List<String> keys;
    StorageProvider provider;
    CloudBenchSetup.Prepared prepared = null;
    if (cloud) {
      prepared = CloudBenchSetup.prepare(orgs, AnalyticsSessions::orgId, clock);
      keys = prepared.keys();
      provider = PostgresStorageProvider.open(BenchPostgres.config(prepared.roles(), clock));
    } else {
      Path dir = Path.of(o.getOrDefault("data-dir", "agentlens-bench-data"));
      if (!Files.exists(dir)) {
        // why: the launcher refuses a data directory others may write to; create it as it would
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      SqliteStorageProvider sqlite =
          SqliteStorageProvider.open(new SqliteConfig(dir.resolve("agentlens.db"), 2, clock));
      Provisioning provisioning =
          new Provisioning(
              sqlite.stores(),
              new BcryptSecretHasher(10),
              clock,
              () -> UlidCreator.getMonotonicUlid().toString());
      keys = new ArrayList<>();
      for (int i = 0; i < orgs; i++) {
        keys.add(provisioning.createKey(AnalyticsSessions.orgId(i), "bench", KeyEnvironment.LIVE));
      }
      provider = sqlite;
    }
    System.err.printf(
        "[loader] %d orgs with a key each in %.1f s; writing %,d events (%d agents, %d days,"
            + " transactions of ~%d events, %d threads)%n",
        orgs, (System.nanoTime() - t0) / 1e9, events, agents, days, batch, threads);
    Instant now = clock.now();
    // why: a second load into the same self-hosted data directory (a larger size in stages) must
    // start new sessions, not extend the first load's
    String loadId = Long.toString(now.toEpochMilli(), 36);
    LoadRun run =
        new LoadRun(
            provider.stores().events(),
            events,
            batch,
            seed ->
                new AnalyticsSessions(seed, orgs, agents, now, days, "s" + loadId + "-" + seed));
    run.execute(threads);
    provider.close();
    if (prepared != null) {
      prepared.printExports(System.out);
    } else {
      System.out.printf("export BENCH_KEYS='%s'%n", String.join(",", keys));
    }
    System.out.flush();
    // why: halt skips the test helpers' shutdown hooks, which would drop the cloud database the
    // launcher is about to use
    Runtime.getRuntime().halt(0);
  }

  /** {@code --name value} pairs. */
  static final class Options {
    private Options() {}

    static Map<String, String> parse(String[] args, int from) {
      Map<String, String> out = new java.util.HashMap<>();
      for (int i = from; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
        }
        out.put(args[i].substring(2), args[i + 1]);
      }
      return out;
    }
  }
}
