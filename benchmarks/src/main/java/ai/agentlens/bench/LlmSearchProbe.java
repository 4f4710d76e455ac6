package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.llm.SearchText;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestSort;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.port.llm.LlmRunRisk;
import ai.agentlens.core.risk.RiskAssessment;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full-text search of the LLM request log below HTTP (issue 17): stores {@code requests} call +
 * response pairs of one org through the backend's {@link LlmRequestStore} (prompts and completions
 * of 20–60 words drawn from a seeded 5,000-word vocabulary with a Zipf-like skew), then times
 * {@link LlmRequestStore#search} {@code rounds} times for each query shape (a common word, a rare
 * word, a word in one request of 100,000, a two-word phrase, two words, a common word for one agent
 * of 20, no words at all; by each sort asked for, by default relevance and time; 50 rows) and
 * prints p50 / p95. The load goes through the port ({@link LlmRequestStore#recordAll}, runs of 250
 * pairs, as the recorder writes) in {@code threads} threads (default 4); on PostgreSQL the probe's
 * database commits without waiting for the WAL flush ({@code synchronous_commit=off}, load speed
 * only: searches read the same rows).
 *
 * <pre>
 * java -cp $CP ai.agentlens.bench.LlmSearchProbe [requests=10000] [rounds=30] [sqlite|postgres] [threads=4]
 *     [sorts=relevance,time]
 * </pre>
 */
public final class LlmSearchProbe {

  private static final int VOCABULARY = 5_000;

  // why: one request in this many also holds the word "needle": a word in a handful of rows
  private static final int NEEDLE = 100_000;

  // why: pairs a thread stores per recordAll — the recorder's own runs are up to 256 events
  private static final int RUN = 250;

  private LlmSearchProbe() {}

  /**
   * Runs the probe.
   *
   * @param args requests, rounds, backend, threads, sorts (wire names, comma-separated)
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    int requests = Integer.parseInt(args.length > 0 ? args[0] : "10000");
    int rounds = Integer.parseInt(args.length > 1 ? args[1] : "30");
    String backend = args.length > 2 ? args[2] : "sqlite";
    int threads = Integer.parseInt(args.length > 3 ? args[3] : "4");
    List<LlmRequestSort> sorts = new ArrayList<>();
    for (String name : (args.length > 4 ? args[4] : "relevance,time").split(",")) {
      sorts.add(
          LlmRequestSort.parse(name)
              .orElseThrow(() -> new IllegalArgumentException("unknown sort " + name)));
    }
    Clock clock = Clock.system();
    try (StorageProvider p = open(backend, clock)) {
      String org = "org_llmprobe";
      p.stores()
          .orgs()
          .create(new Org(org, "llmprobe", org, Plan.PRO, OrgSettings.defaults(90), clock.now()));
      LlmRequestStore store = p.llmRequests();
      long t0 = System.nanoTime();
      load(store, org, requests, threads, LlmSearchProbe::analyze);
      System.out.printf(
          "stored %d requests in %.1f s (%s)%n", requests, (System.nanoTime() - t0) / 1e9, backend);
      if (roles != null) {
        try (java.sql.Connection c = roles.database().connect();
            java.sql.Statement st = c.createStatement()) {
          st.execute("vacuum analyze llm_requests");
        }
      }
      // third column: an agent filter (one agent in 20)
      String[][] shapes = {
        {"common word", "w1", null},
        {"rare word", "w4000", null},
        {"needle, " + (requests + NEEDLE - 1) / NEEDLE + " rows", "needle", null},
        {"phrase", "\"w1 w2\"", null},
        {"two words", "w3 w70", null},
        {"common word, one agent", "w1", "agent-7"},
        {"no words", "", null}
      };
      for (String[] shape : shapes) {
        for (LlmRequestSort sort : sorts) {
          LlmRequestQuery q =
              new LlmRequestQuery(
                  org,
                  SearchText.parse(shape[1]),
                  shape[2],
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  sort,
                  true,
                  50,
                  0);
          List<Long> times = new ArrayList<>();
          int hits = 0;
          for (int r = -3; r < rounds; r++) {
            long a = System.nanoTime();
            hits = store.search(q).items().size();
            if (r >= 0) {
              times.add(System.nanoTime() - a);
            }
          }
          long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
          System.out.printf(
              "| llm search, %s, %d requests, %s (%s), by %s, %d rows, %d rounds | p50 %.1f ms"
                  + " | p95 %.1f ms |%n",
              backend,
              requests,
              shape[0],
              shape[1],
              sort.wireName(),
              hits,
              rounds,
              sorted[sorted.length / 2] / 1e6,
              sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
        }
      }
      System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim());
    }
  }

  /**
   * Stores {@code requests} pairs in {@code threads} threads, each its share of the indexes with
   * its own seeded generator, printing progress every 100,000.
   */
  private static void load(
      LlmRequestStore store, String org, int requests, int threads, Runnable analyze)
      throws Exception {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int part = t;
      parts.add(
          pool.submit(
              () -> {
                Random random = new Random(17 + part);
                List<LlmHalfWrite> run = new ArrayList<>();
                for (int i = part; i < requests; i += threads) {
                  pair(run, org, i, start.plusSeconds(i), random);
                  if (run.size() >= 2 * RUN || i + threads >= requests) {
                    store.recordAll(run, RISK);
                    int n = done.addAndGet(run.size() / 2);
                    if (n / 100_000 != (n - run.size() / 2) / 100_000) {
                      System.out.printf(
                          "  %,d of %,d stored (%.0f s)%n",
                          n, requests, (System.nanoTime() - t0) / 1e9);
                      analyze.run();
                    }
                    run.clear();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : parts) {
      f.get();
    }
    pool.shutdown();
  }

  // why: the recorder scores every row it writes, so the probe's rows carry a score (0–99,
  // spread by call id), written with the row as the recorder's new rows are
  private static final LlmRunRisk RISK =
      new LlmRunRisk() {
        @Override
        public RiskAssessment assess(LlmRequest r) {
          return expected(r.orgId(), r.callId()).orElseThrow();
        }

        @Override
        public java.util.Optional<RiskAssessment> expected(String orgId, String callId) {
          return java.util.Optional.of(
              new RiskAssessment(Math.floorMod(callId.hashCode(), 100), "probe", List.of()));
        }
      };

  private static void pair(List<LlmHalfWrite> run, String org, int i, Instant at, Random random) {
    String callId = "call-" + i;
    run.add(
        new LlmCallWrite(
            org,
            "id-" + i,
            callId,
            "agent-" + (i % 20),
            "s-" + (i / 10),
            "openai",
            "model-" + (i % 5),
            i % NEEDLE == 7 ? text(random) + " needle" : text(random),
            at,
            "event"));
    run.add(
        new LlmResponseWrite(
            org,
            "r-" + i,
            callId,
            null,
            null,
            null,
            null,
            text(random),
            LlmRequestStatus.SUCCESS,
            "stop",
            100L + random.nextInt(2000),
            50,
            80,
            at.plusMillis(500),
            "event"));
  }

  // why: word k is drawn with probability ~ 1/k, so a few words are in most rows and most are rare
  private static String text(Random random) {
    int n = 20 + random.nextInt(41);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(VOCABULARY)));
      b.append(i == 0 ? "" : " ").append('w').append(k);
    }
    return b.toString();
  }

  private static TestStorage.PostgresRoles roles;

  // why: this machine's PostgreSQL runs with autovacuum off, so a table loaded from empty is never
  // analyzed and a connection keeps the generic plan it cached while the table was empty (a lookup
  // by call id scanned the org through llm_requests_risk: the load stalled at 500,000); an analyze
  // now and then, as autovacuum would, invalidates those plans
  private static void analyze() {
    if (roles == null) {
      return;
    }
    try (java.sql.Connection c = roles.database().connect();
        java.sql.Statement st = c.createStatement()) {
      st.execute("analyze llm_requests");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StorageProvider open(String backend, Clock clock) throws Exception {
    if (backend.equals("postgres")) {
      roles = TestStorage.createRoles(TestPostgres.newDatabase());
      try (java.sql.Connection c = roles.database().connect();
          java.sql.Statement st = c.createStatement()) {
        // why: one WAL flush per commit bounds a serial-ish load of 2,000,000 commits to hours
        st.execute(
            "alter database \"" + roles.database().name() + "\" set synchronous_commit = off");
      }
      return PostgresStorageProvider.open(BenchPostgres.config(roles, clock));
    }
    Path dir = Files.createTempDirectory("agentlens-llm-probe-");
    return SqliteStorageProvider.open(new SqliteConfig(dir.resolve("agentlens.db"), 2, clock));
  }
}
