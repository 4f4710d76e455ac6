package ai.agentlens.bench;

import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.read.TenantAnalytics;
import ai.agentlens.storage.postgres.PostgresConfig;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where an analytics request's time goes below HTTP: each store call behind the four analytics
 * routes, timed one by one in process on a loaded benchmark database (what {@code run-analytics.sh
 * --keep} leaves), so SQL plus row mapping is separated from auth, filters and JSON.
 *
 * <pre>
 * java -cp $CP ai.agentlens.bench.AnalyticsStoreProbe sqlite /tmp/agentlens-analytics-X/data [rounds=200]
 * source bench.env; java -cp $CP ai.agentlens.bench.AnalyticsStoreProbe cloud [rounds=200]
 * </pre>
 *
 * <p>Orgs are the loader's ({@link AnalyticsSessions#orgId}); {@code BENCH_ORGS} (default 10) of
 * them are asked in turn. Prints p50 / p95 per call in milliseconds.
 */
public final class AnalyticsStoreProbe {

  private AnalyticsStoreProbe() {}

  /**
   * Runs the probe.
   *
   * @param args {@code sqlite DATA_DIR [rounds]} or {@code cloud [rounds]}
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    boolean cloud = args.length > 0 && args[0].equals("cloud");
    int rounds = Integer.parseInt(args.length > (cloud ? 1 : 2) ? args[cloud ? 1 : 2] : "200");
    int orgs = Integer.parseInt(System.getenv().getOrDefault("BENCH_ORGS", "10"));
    Clock clock = Clock.system();
    try (StorageProvider p = cloud ? postgres(clock) : sqlite(Path.of(args[1]), clock)) {
      Stores s = p.stores();
      TenantAnalytics analytics = new TenantAnalytics(s.rollups(), s.agents(), clock);
      FeatureGate gate = new FeatureGate(s.orgs(), s.featureOverrides(), Set.of(), clock);
      Instant now = clock.now();
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      Map<String, Consumer<String>> calls = new LinkedHashMap<>();
      calls.put("feature gate (org + overrides)", o -> gate.state(o, Feature.ANALYTICS));
      calls.put(
          "llmUsage 90 days, daily",
          o ->
              s.events()
                  .llmUsage(
                      o,
                      new LlmUsageQuery(
                          now.minus(Duration.ofDays(90)), now, null, LlmUsageQuery.DAY)));
      calls.put("rollups.daily 90 days", o -> s.rollups().daily(o, today.minusDays(89), today));
      calls.put("tokens(90) use case", o -> analytics.tokens(o, 90));
      Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
      calls.put(
          "rollups.activity 30 days",
          o -> s.rollups().activity(o, end.minus(Duration.ofDays(30)), end));
      calls.put("agents.list", o -> s.agents().list(o));
      calls.put("agents() use case", analytics::agents);
      Map<String, List<Long>> times = new LinkedHashMap<>();
      for (int r = -20; r < rounds; r++) {
        String org = AnalyticsSessions.orgId(Math.floorMod(r, orgs));
        for (Map.Entry<String, Consumer<String>> c : calls.entrySet()) {
          long t0 = System.nanoTime();
          c.getValue().accept(org);
          long dt = System.nanoTime() - t0;
          if (r >= 0) {
            times.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(dt);
          }
        }
      }
      System.out.printf(
          "| call (%s, %d rounds over %d orgs) | p50 ms | p95 ms |%n|---|---|---|%n",
          cloud ? "PostgreSQL" : "SQLite", rounds, orgs);
      times.forEach(
          (k, v) -> {
            long[] a = v.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                "| %s | %.2f | %.2f |%n",
                k, a[a.length / 2] / 1e6, a[(int) Math.ceil(a.length * 0.95) - 1] / 1e6);
          });
      System.out.println("load average " + Arrays.toString(loadAverage()));
    }
  }

  private static String[] loadAverage() throws Exception {
    return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ", 4);
  }

  private static StorageProvider sqlite(Path dir, Clock clock) {
    return SqliteStorageProvider.open(new SqliteConfig(dir.resolve("agentlens.db"), 2, clock));
  }

  private static StorageProvider postgres(Clock clock) {
    URI u = URI.create(System.getenv("AGENTLENS_DATABASE_URL"));
    String[] owner = u.getUserInfo().split(":", 2);
    String jdbc = "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath();
    return PostgresStorageProvider.open(
        new PostgresConfig(
            jdbc,
            System.getenv("AGENTLENS_DATABASE_APP_USER"),
            System.getenv("AGENTLENS_DATABASE_APP_PASSWORD"),
            owner[0],
            owner[1],
            4,
            2,
            clock));
  }
}
