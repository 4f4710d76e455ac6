package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.health.HealthWeights;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import ai.agentlens.testing.TestDatabase;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/health/overview} below HTTP: loads one org with {@code AGENTS} agents and {@code
 * EVENTS} events (10 sessions per agent over the last 20 days, tool calls and responses, a few
 * errors) into a fresh SQLite database (or a fresh PostgreSQL test database, as app-cloud connects
 * to it) through the event store, then times {@link AgentHealth#overview} (7-day window) {@code
 * rounds} times and prints p50 / p95.
 *
 * <pre>
 * java -cp $CP ai.agentlens.bench.HealthOverviewProbe [agents=1000] [events=1000000] [rounds=20]
 *     [sqlite|postgres] [vacuum]
 * </pre>
 *
 * <p>{@code vacuum} (PostgreSQL only) runs {@code VACUUM ANALYZE} after the load, the state
 * autovacuum reaches on a live server: statistics, and a visibility map for index-only scans.
 */
public final class HealthOverviewProbe {

  private HealthOverviewProbe() {}

  /**
   * Runs the probe.
   *
   * @param args agents, events, rounds
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    int agents = Integer.parseInt(args.length > 0 ? args[0] : "1000");
    long events = Long.parseLong(args.length > 1 ? args[1] : "1000000");
    int rounds = Integer.parseInt(args.length > 2 ? args[2] : "20");
    String backend = args.length > 3 ? args[3] : "sqlite";
    Clock clock = Clock.system();
    try (StorageProvider p = open(backend, clock)) {
      Stores s = p.stores();
      String org = "org_healthprobe";
      s.orgs()
          .create(
              new Org(
                  org,
                  "health-probe",
                  "Health probe",
                  Plan.PRO,
                  OrgSettings.defaults(90),
                  clock.now()));
      long t0 = System.nanoTime();
      load(s, org, agents, events, clock.now());
      System.out.printf(
          "loaded %d events of %d agents in %.1f s%n",
          events, agents, (System.nanoTime() - t0) / 1e9);
      if (roles != null && args.length > 4 && args[4].equals("vacuum")) {
        try (java.sql.Connection c = roles.database().connect();
            java.sql.Statement st = c.createStatement()) {
          st.execute("vacuum analyze");
        }
        System.out.println("vacuum analyze done");
      }
      AgentHealth health =
          new AgentHealth(
              p.alerting().healthAggregates(), s.agents(), clock, HealthWeights.DEFAULT);
      List<Long> times = new ArrayList<>();
      int scored = 0;
      for (int r = -2; r < rounds; r++) {
        long a = System.nanoTime();
        scored = health.overview(org, AgentHealth.DEFAULT_WINDOW).agents().size();
        System.out.printf("round %d: %.1f ms%n", r, (System.nanoTime() - a) / 1e6);
        if (r >= 0) {
          times.add(System.nanoTime() - a);
        }
      }
      long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "| health overview, %s, %d agents (%d scored), %d events, %d rounds | p50 %.1f ms | p95 %.1f ms |%n",
          backend,
          agents,
          scored,
          events,
          rounds,
          sorted[sorted.length / 2] / 1e6,
          sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
      System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim());
      if (roles != null) {
        explain(org, clock.now());
      }
    }
  }

  private static TestStorage.PostgresRoles roles;

  private static StorageProvider open(String backend, Clock clock) throws Exception {
    if (backend.equals("postgres")) {
      TestDatabase db = TestPostgres.newDatabase();
      roles = TestStorage.createRoles(db);
      return PostgresStorageProvider.open(BenchPostgres.config(roles, clock));
    }
    Path dir = Files.createTempDirectory("agentlens-health-probe-");
    return SqliteStorageProvider.open(new SqliteConfig(dir.resolve("agentlens.db"), 2, clock));
  }

  // why: the plans of the overview's two kinds of statement, as the application role under RLS
  private static void explain(String org, Instant now) throws Exception {
    Instant from = now.minus(Duration.ofDays(AgentHealth.DEFAULT_WINDOW));
    // why: since V27 a whole org's tool counts come from the roll-ups (whole hours and days); only
    // the
    // window's two partial end hours still read events
    String tools =
        "select agent_id, sum(tool_calls), sum(tool_errors), sum(tool_failed) from rollup_hourly"
            + " where org_id = ? and bucket >= ? and bucket < ? and provider = '' and model = ''"
            + " group by agent_id";
    String sessions =
        "select agent_id, count(*) as n, sum(total_cost_usd) from sessions where org_id = ?"
            + " and event_count > 0 and started_at >= ? and started_at < ? group by agent_id";
    try (java.sql.Connection c = roles.connectAsApp()) {
      c.setAutoCommit(false);
      try (var ps = c.prepareStatement("select set_config('app.current_org', ?, true)")) {
        ps.setString(1, org);
        ps.execute();
      }
      for (String q : List.of(tools, sessions)) {
        try (var ps = c.prepareStatement("explain (analyze, buffers) " + q)) {
          var f = java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC);
          var t = java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
          Object[] args = {org, f, t};
          for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
          }
          try (var rs = ps.executeQuery()) {
            while (rs.next()) {
              System.out.println("  " + rs.getString(1));
            }
          }
        }
      }
      c.rollback();
    }
  }

  private static void load(Stores s, String org, int agents, long events, Instant now) {
    int sessionsPerAgent = 10;
    long perSession = Math.max(3, events / ((long) agents * sessionsPerAgent));
    List<Event> batch = new ArrayList<>();
    long n = 0;
    for (int a = 0; a < agents && n < events; a++) {
      String agent = "agent-" + a;
      for (int k = 0; k < sessionsPerAgent && n < events; k++) {
        String session = agent + "-s" + k;
        Instant start = now.minus(Duration.ofHours(2L * k * 24 + a % 24 + 1));
        for (long e = 0; e < perSession && n < events; e++, n++) {
          Instant at = start.plusSeconds(e);
          EventType type;
          String payload;
          if (e == 0) {
            type = EventType.SESSION_STARTED;
            payload = "{\"agentName\":\"" + agent + "\"}";
          } else if (e == perSession - 1) {
            type = EventType.SESSION_ENDED;
            payload = "{\"reason\":\"completed\"}";
          } else if (e % 2 == 1) {
            type = EventType.TOOL_CALL;
            payload = "{\"toolName\":\"search\",\"callId\":\"c" + e + "\",\"arguments\":{}}";
          } else {
            type = EventType.TOOL_RESPONSE;
            payload =
                "{\"toolName\":\"search\",\"callId\":\"c"
                    + (e - 1)
                    + "\",\"result\":\"ok\",\"durationMs\":"
                    + (e % 50)
                    + (e % 20 == 0 ? ",\"isError\":true" : "")
                    + "}";
          }
          batch.add(
              Event.unwritten(
                  "e" + n, org, session, agent, type, Severity.INFO, at, payload, "{}"));
          if (batch.size() == 2000) {
            s.events().append(new EventBatch(org, null, batch));
            batch = new ArrayList<>();
          }
        }
      }
    }
    if (!batch.isEmpty()) {
      s.events().append(new EventBatch(org, null, batch));
    }
  }
}
