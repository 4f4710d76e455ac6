package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.memory.Recall;
import ai.agentlens.core.memory.RecallQuery;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingStore;
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
import java.util.Optional;
import java.util.Random;

/**
 * {@code GET /api/recall} below HTTP: stores {@code events} embeddings of one org ({@value #DIMS}
 * seeded random floats each, one per event, 10% of them session summaries) directly through the
 * backend's {@link EmbeddingStore}, then times {@link Recall#recall} (query embedding by a seeded
 * stand-in model, so only storage and ranking are measured) {@code rounds} times for each candidate
 * cap and prints p50 / p95. A second org holds as many rows, so the org filter does real work. On
 * PostgreSQL the table is vacuumed and analyzed after the load, as autovacuum would.
 *
 * <pre>
 * java -cp $CP ai.agentlens.bench.RecallProbe [events=100000] [rounds=30] [sqlite|postgres]
 *     [candidates=10000,100000]
 * </pre>
 */
public final class RecallProbe {

  /** The dimension of the default in-process model (all-MiniLM-L6-v2). */
  static final int DIMS = 384;

  private static final String MODEL = "bench-random-384";

  private RecallProbe() {}

  /**
   * Runs the probe.
   *
   * @param args events, rounds, backend, candidate caps
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    int events = Integer.parseInt(args.length > 0 ? args[0] : "100000");
    int rounds = Integer.parseInt(args.length > 1 ? args[1] : "30");
    String backend = args.length > 2 ? args[2] : "sqlite";
    String caps = args.length > 3 ? args[3] : "10000,100000";
    Clock clock = Clock.system();
    try (StorageProvider p = open(backend, clock)) {
      String org = "org_recallprobe";
      for (String o : List.of(org, "org_recallother")) {
        p.stores()
            .orgs()
            .create(
                new Org(
                    o, o.replace('_', '-'), o, Plan.PRO, OrgSettings.defaults(90), clock.now()));
      }
      long t0 = System.nanoTime();
      load(p.embeddings(), org, events, 1);
      load(p.embeddings(), "org_recallother", events, 2);
      System.out.printf(
          "stored 2 x %d embeddings of %d dims in %.1f s (%s)%n",
          events, DIMS, (System.nanoTime() - t0) / 1e9, backend);
      if (roles != null) {
        // why: the state autovacuum reaches on a live server; right after a bulk load PostgreSQL
        // has no statistics and may sort every row instead of scanning the index backwards
        try (java.sql.Connection c = roles.database().connect();
            java.sql.Statement st = c.createStatement()) {
          st.execute("vacuum analyze embeddings");
        }
      }
      for (String cap : caps.split(",")) {
        int candidates = Integer.parseInt(cap.trim());
        Recall recall = new Recall(p.embeddings(), Optional.of(new SeededModel()), candidates);
        List<Long> times = new ArrayList<>();
        int hits = 0;
        for (int r = -3; r < rounds; r++) {
          long a = System.nanoTime();
          hits = recall.recall(org, RecallQuery.of("query " + r)).totalResults();
          if (r >= 0) {
            times.add(System.nanoTime() - a);
          }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
            "| recall, %s, %d embeddings in the org, candidates %d, %d results, %d rounds"
                + " | p50 %.1f ms | p95 %.1f ms |%n",
            backend,
            events,
            Math.min(candidates, events),
            hits,
            rounds,
            sorted[sorted.length / 2] / 1e6,
            sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
      }
      System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim());
    }
  }

  private static TestStorage.PostgresRoles roles;

  private static StorageProvider open(String backend, Clock clock) throws Exception {
    if (backend.equals("postgres")) {
      roles = TestStorage.createRoles(TestPostgres.newDatabase());
      return PostgresStorageProvider.open(BenchPostgres.config(roles, clock));
    }
    Path dir = Files.createTempDirectory("agentlens-recall-probe-");
    return SqliteStorageProvider.open(new SqliteConfig(dir.resolve("agentlens.db"), 2, clock));
  }

  private static void load(EmbeddingStore store, String org, int events, long seed) {
    Random random = new Random(seed);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<StoredEmbedding> batch = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      boolean session = i % 10 == 9;
      String id = (session ? "sess-" : "evt-") + i;
      batch.add(
          new StoredEmbedding(
              org,
              session ? "session" : "event",
              id,
              "sess-" + (i / 10),
              "agent-" + (i % 20),
              "tool_call: search({\"q\":\"order " + i + "\"})",
              Integer.toHexString(i),
              MODEL,
              vector(random),
              start.plusSeconds(i)));
      if (batch.size() == 1000) {
        store.upsert(batch);
        batch.clear();
      }
    }
    store.upsert(batch);
  }

  private static float[] vector(Random random) {
    float[] v = new float[DIMS];
    for (int i = 0; i < DIMS; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  /** Stands in for the in-process model: a seeded random vector per query text, no inference. */
  private static final class SeededModel implements EmbeddingModel {
    @Override
    public String name() {
      return MODEL;
    }

    @Override
    public int dimension() {
      return DIMS;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      return texts.stream().map(t -> vector(new Random(t.hashCode()))).toList();
    }
  }
}
