package ai.agentlens.benchmarks;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.session.SessionQuery;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.testing.TestDatabase;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Event-write throughput and query latency of a storage backend (README "Storage", benchmarks).
 *
 * <p>Usage: {@code StorageBenchmark <sqlite|postgres> [events=1000000] [runs=3] [otherOrgs=10000]}.
 * Each run writes {@code events} realistic events (~600 bytes of JSON) in batches of 1,000 into a
 * fresh database through the {@code EventStore}, then the same rows through a bare batched insert
 * (SQLite) or a bare COPY (PostgreSQL). After the last run it adds {@code otherOrgs} orgs of 5
 * events each and measures p50/p95 of three queries over 200 repetitions.
 */
public final class StorageBenchmark {

  private StorageBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args backend, events, runs, other orgs
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String backend = args.length > 0 ? args[0] : "sqlite";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int otherOrgs = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    List<Event> rows = EventGenerator.events("bench-org", events);
    System.out.printf(
        "backend=%s events=%d runs=%d avgPayloadBytes=%d%n",
        backend, events, runs, EventGenerator.averageJsonBytes(rows));
    double[] ours = new double[runs];
    double[] bare = new double[runs];
    StorageProvider last = null;
    for (int r = 0; r < runs; r++) {
      if (last != null) {
        last.close();
      }
      Opened o = open(backend);
      last = o.provider;
      ours[r] = writeThroughput(o.provider, rows);
      bare[r] = o.bare.get().load(rows);
      System.out.printf(
          "run %d: eventStore=%.0f ev/s bare=%.0f ev/s ratio=%.2f%n",
          r + 1, ours[r], bare[r], ours[r] / bare[r]);
    }
    double mo = median(ours);
    double mb = median(bare);
    System.out.printf("MEDIAN eventStore=%.0f ev/s bare=%.0f ev/s ratio=%.2f%n", mo, mb, mo / mb);
    Queries.measure(last, otherOrgs);
    last.close();
    System.exit(0);
  }

  record Opened(StorageProvider provider, Supplier<BareLoader> bare) {}

  static Opened open(String backend) throws Exception {
    Clock clock = Clock.system();
    if (backend.equals("postgres")) {
      TestDatabase db = TestPostgres.newDatabase();
      var roles = TestStorage.createRoles(db);
      StorageProvider p =
          ai.agentlens.storage.postgres.PostgresStorageProvider.open(
              ai.agentlens.bench.BenchPostgres.config(roles, clock));
      return new Opened(p, () -> new BareLoader.PostgresCopy(db));
    }
    var dir = java.nio.file.Files.createTempDirectory("agentlens-bench-");
    StorageProvider p =
        ai.agentlens.storage.sqlite.SqliteStorageProvider.open(
            new ai.agentlens.storage.sqlite.SqliteConfig(dir.resolve("a.db"), 4, clock));
    return new Opened(p, () -> new BareLoader.SqliteInsert(dir.resolve("bare.db")));
  }

  private static double writeThroughput(StorageProvider p, List<Event> rows) {
    long t0 = System.nanoTime();
    for (int i = 0; i < rows.size(); i += 1000) {
      p.stores()
          .events()
          .append(
              new EventBatch("bench-org", "key", rows.subList(i, Math.min(rows.size(), i + 1000))));
    }
    return rows.size() / ((System.nanoTime() - t0) / 1e9);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** Query latency with many orgs present. */
  static final class Queries {
    private Queries() {}

    static void measure(StorageProvider p, int otherOrgs) {
      long t0 = System.nanoTime();
      List<EventBatch> batches = new ArrayList<>();
      for (int o = 0; o < otherOrgs; o++) {
        String org = "other-" + o;
        batches.add(new EventBatch(org, null, EventGenerator.events(org, 5)));
        if (batches.size() == 200) {
          p.stores().events().append(batches);
          batches.clear();
        }
      }
      if (!batches.isEmpty()) {
        p.stores().events().append(batches);
      }
      System.out.printf(
          "added %d other orgs in %.1f s%n", otherOrgs, (System.nanoTime() - t0) / 1e9);
      String session = EventGenerator.sessionOf(0);
      report(
          "session timeline (1,000 events)",
          () -> p.stores().events().timeline("bench-org", session, 0, 1000).size());
      report(
          "sessions list page (50)",
          () -> p.stores().sessions().list("bench-org", new SessionQuery(null, 50, 0)).size());
      report(
          "events page by agent+type (50)",
          () ->
              p.stores()
                  .events()
                  .query(
                      "bench-org",
                      EventQuery.firstPage().byAgentAndType("agent-3", EventType.TOOL_CALL))
                  .size());
    }

    private static void report(String name, Supplier<Integer> query) {
      for (int i = 0; i < 20; i++) {
        query.get();
      }
      double[] ms = new double[200];
      int rows = 0;
      for (int i = 0; i < ms.length; i++) {
        long t = System.nanoTime();
        rows = query.get();
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf("%-36s rows=%4d p50=%.2f ms p95=%.2f ms%n", name, rows, ms[99], ms[189]);
    }
  }

  /** Makes realistic events. */
  static final class EventGenerator {
    private static final EventType[] TYPES = {
      EventType.TOOL_CALL,
      EventType.TOOL_RESPONSE,
      EventType.LLM_CALL,
      EventType.LLM_RESPONSE,
      EventType.CUSTOM
    };

    private EventGenerator() {}

    static String sessionOf(int i) {
      return "session-" + (i / 1000);
    }

    static List<Event> events(String org, int n) {
      List<Event> out = new ArrayList<>(n);
      Instant base = Instant.parse("2026-05-01T00:00:00Z");
      for (int i = 0; i < n; i++) {
        EventType type = TYPES[i % TYPES.length];
        String payload =
            "{\"callId\":\"c-"
                + i
                + "\",\"toolName\":\"search_documents\",\"provider\":\"openai\","
                + "\"model\":\"gpt-4o-mini\",\"arguments\":{\"query\":\"quarterly revenue by"
                + " region for the last fiscal year\",\"topK\":8,\"filters\":{\"lang\":\"en\","
                + "\"source\":[\"wiki\",\"crm\"]}},\"usage\":{\"inputTokens\":"
                + (100 + i % 900)
                + ",\"outputTokens\":"
                + (20 + i % 200)
                + ",\"totalTokens\":"
                + (120 + i % 1100)
                + "},\"costUsd\":0.00"
                + (1 + i % 9)
                + ",\"latencyMs\":"
                + (50 + i % 400)
                + ",\"finishReason\":\"stop\",\"result\":\"Found 8 documents; top match: Q3"
                + " revenue report EMEA (score 0.92)\",\"durationMs\":"
                + (i % 1000)
                + "}";
        String metadata = "{\"source\":\"sdk-python\",\"sdkVersion\":\"0.11.0\",\"env\":\"prod\"}";
        out.add(
            Event.unwritten(
                org + "-e-" + i,
                org,
                sessionOf(i),
                "agent-" + (i / 1000 % 10),
                type,
                Severity.INFO,
                base.plusMillis(i * 37L),
                payload,
                metadata));
      }
      return out;
    }

    static int averageJsonBytes(List<Event> rows) {
      long total = 0;
      for (Event e : rows) {
        total += e.payload().text().length() + e.metadata().text().length();
      }
      return (int) (total / Math.max(1, rows.size()));
    }
  }
}
