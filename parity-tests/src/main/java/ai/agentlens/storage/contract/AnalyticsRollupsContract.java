package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.analytics.ActivityCell;
import ai.agentlens.core.analytics.AgentTotals;
import ai.agentlens.core.analytics.DailyTotals;
import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.storage.RollupMaintenance;
import ai.agentlens.storage.contract.RollupWorkload.Gen;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.AnalyticsRollups} contract with the {@link
 * RollupMaintenance} that checks and rebuilds it: after randomized ingestion (many orgs, agents,
 * providers and models, out-of-order timestamps across days, retried calls, an event twice in one
 * batch) every read equals a recomputation from the distinct events, {@code llmUsage} (served from
 * the roll-ups) equals it for ranges with partial hours at both ends, and {@code check} finds
 * nothing; concurrent writers to one hot row lose nothing; a tampered roll-up is found by {@code
 * check} and repaired by {@code rebuild}; one org's reads never include another's rows.
 */
public abstract class AnalyticsRollupsContract extends StorageContract {

  private static final LocalDate FIRST = LocalDate.of(2026, 4, 9);
  private static final LocalDate LAST = LocalDate.of(2026, 4, 16);

  @Test
  void rollupsEqualARecomputationFromTheEventsAfterRandomizedIngestion() {
    for (long seed : new long[] {16L, 1601L, 20_260_410L}) {
      List<String> orgs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        orgs.add(newOrg().id());
      }
      Random r = new Random(seed);
      RollupWorkload w = new RollupWorkload(r, orgs, 1500);
      w.calls.forEach(call -> stores.events().append(call));
      for (String org : orgs) {
        String why = "seed " + seed + ", org " + org;
        assertThat(stores.rollups().daily(org, FIRST, LAST)).as(why).isEqualTo(daily(w, org));
        Instant from = RollupWorkload.BASE.plus(7, ChronoUnit.HOURS);
        Instant to = RollupWorkload.BASE.plus(3 * 24 + 5, ChronoUnit.HOURS);
        assertThat(stores.rollups().agents(org, from, to))
            .as(why)
            .isEqualTo(agents(w, org, from, to));
        Instant end = RollupWorkload.BASE.plus(RollupWorkload.DAYS, ChronoUnit.DAYS);
        assertThat(stores.rollups().activity(org, RollupWorkload.BASE, end))
            .as(why)
            .isEqualTo(activity(w, org));
        for (int q = 0; q < 4; q++) {
          Instant a =
              RollupWorkload.BASE.plus(r.nextInt(3 * 86_400_000) * 1000L + 7, ChronoUnit.MICROS);
          Instant b = a.plus(r.nextInt(2 * 86_400_000) * 1000L + 13, ChronoUnit.MICROS);
          String agent = q % 2 == 0 ? null : "agent-" + r.nextInt(4);
          var bucket = q < 2 ? LlmUsageQuery.HOUR : LlmUsageQuery.DAY;
          ChronoUnit unit = q < 2 ? ChronoUnit.HOURS : ChronoUnit.DAYS;
          assertThat(
                  stores.events().llmUsage(org, new LlmUsageQuery(a, b, agent, bucket)).stream()
                      .map(RollupWorkload::line)
                      .sorted()
                      .toList())
              .as(why + " llmUsage " + a + ".." + b + " " + agent)
              .isEqualTo(
                  w.llmUsage(
                      org,
                      g ->
                          !g.event().timestamp().isBefore(a)
                              && !g.event().timestamp().isAfter(b)
                              && (agent == null || agent.equals(g.event().agentId())),
                      t -> t.truncatedTo(unit)));
        }
      }
      assertThat(maintenance().check(null, FIRST, LAST, line -> {})).as("seed " + seed).isEmpty();
    }
  }

  @Test
  void concurrentWritersOfOneHotRowLoseNothingAndCountRetriesOnce() throws Exception {
    String org = newOrg().id();
    Instant hour = Instant.parse("2026-05-02T13:00:00Z");
    List<Event> shared = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      shared.add(llm(org, "shared-" + i, "s-shared", hour.plusSeconds(i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int call = 0; call < 15; call++) {
                    List<Event> es = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                      es.add(
                          llm(
                              org,
                              "t" + thread + "-" + call + "-" + i,
                              "s-" + thread + "-" + call,
                              hour.plusMillis(call * 10L + i)));
                    }
                    stores.events().append(List.of(batch(org, es)));
                    if (call % 5 == 0) {
                      stores.events().append(List.of(batch(org, shared)));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long expected = 6 * 15 * 10 + 20;
    DailyTotals day =
        stores.rollups().daily(org, LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 2)).get(0);
    assertThat(day.events()).isEqualTo(expected);
    assertThat(day.calls()).isEqualTo(expected);
    assertThat(day.inputTokens()).isEqualTo(expected * 10);
    assertThat(day.costUsd()).isEqualTo(expected * 0.25);
    assertThat(stores.rollups().agents(org, hour, hour.plus(1, ChronoUnit.HOURS)))
        .containsExactly(
            new AgentTotals(
                "hot-agent", expected, expected, expected * 10, expected * 2, expected * 0.25));
    assertThat(
            maintenance().check(org, LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 2), l -> {}))
        .isEmpty();
  }

  @Test
  void checkFindsTamperedRollupsAndRebuildRepairsThem() throws Exception {
    String org = newOrg().id();
    Instant t = Instant.parse("2026-06-20T08:30:00Z");
    List<Event> es = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      es.add(llm(org, "e" + i, "s", t.plus(i * 3, ChronoUnit.HOURS)));
    }
    stores.events().append(List.of(batch(org, es)));
    LocalDate d1 = LocalDate.of(2026, 6, 20);
    LocalDate d2 = LocalDate.of(2026, 6, 21);
    List<DailyTotals> good = stores.rollups().daily(org, d1, d2);
    try (Connection c = opened.raw().connect()) {
      c.setAutoCommit(false);
      opened.raw().scopeToOrg(c, org);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("update rollup_daily set events = events + 5 where org_id = '" + org + "'");
        s.executeUpdate("delete from rollup_hourly where org_id = '" + org + "'");
      }
      c.commit();
    }
    List<String> progress = new ArrayList<>();
    var found = maintenance().check(org, d1, d2, progress::add);
    assertThat(found).extracting(m -> m.table()).contains("daily", "hourly");
    assertThat(found)
        .filteredOn(m -> m.table().equals("hourly"))
        .hasSize(12)
        .allSatisfy(m -> assertThat(m.actual()).isEqualTo("absent"));
    assertThat(progress).hasSize(2);
    assertThat(maintenance().rebuild(org, d1, d2, l -> {})).isEqualTo(2);
    assertThat(maintenance().check(org, d1, d2, l -> {})).isEmpty();
    assertThat(stores.rollups().daily(org, d1, d2)).isEqualTo(good);
    assertThat(maintenance().rebuild(org, d1, d2, l -> {})).as("idempotent").isEqualTo(2);
    assertThat(stores.rollups().daily(org, d1, d2)).isEqualTo(good);
  }

  @Test
  void oneOrgsReadsNeverIncludeAnothersRows() {
    String a = newOrg().id();
    String b = newOrg().id();
    Instant t = Instant.parse("2026-07-01T10:15:00Z");
    stores.events().append(List.of(batch(b, List.of(llm(b, "x", "s", t)))));
    stores.events().append(List.of(batch(a, List.of(llm(a, "x", "s", t.plusSeconds(60))))));
    LocalDate day = LocalDate.of(2026, 7, 1);
    Instant h = t.truncatedTo(ChronoUnit.HOURS);
    Instant h2 = h.plus(1, ChronoUnit.HOURS);
    assertThat(stores.rollups().daily(a, day, day))
        .extracting(DailyTotals::events)
        .containsExactly(1L);
    assertThat(stores.rollups().agents(a, h, h2))
        .extracting(AgentTotals::events)
        .containsExactly(1L);
    assertThat(stores.rollups().activity(a, h, h2))
        .extracting(ActivityCell::count)
        .containsExactly(1L);
    for (String none : new String[] {null, "", "no-such-org"}) {
      assertThat(stores.rollups().daily(none, day, day)).isEmpty();
      assertThat(stores.rollups().agents(none, h, h2)).isEmpty();
      assertThat(stores.rollups().activity(none, h, h2)).isEmpty();
    }
    assertThat(maintenance().check(a, day, day, l -> {})).isEmpty();
  }

  private RollupMaintenance maintenance() {
    return provider.rollupMaintenance();
  }

  private static Event llm(String org, String id, String session, Instant ts) {
    return Event.unwritten(
        org + "-" + id,
        org,
        session,
        "hot-agent",
        EventType.LLM_RESPONSE,
        Severity.INFO,
        ts,
        "{\"callId\":\"c\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"finishReason\":\"stop\","
            + "\"usage\":{\"inputTokens\":10,\"outputTokens\":2,\"totalTokens\":12},"
            + "\"costUsd\":0.25,\"latencyMs\":40}",
        "{}");
  }

  private static List<DailyTotals> daily(RollupWorkload w, String org) {
    Map<LocalDate, long[]> m = new TreeMap<>();
    Map<LocalDate, Double> cost = new TreeMap<>();
    for (Gen g : w.distinct) {
      if (g.event().orgId().equals(org)) {
        LocalDate d = LocalDate.ofInstant(g.event().timestamp(), ZoneOffset.UTC);
        long[] s = m.computeIfAbsent(d, k -> new long[6]);
        s[0]++;
        s[1] += g.llm() ? 1 : 0;
        s[2] += g.in();
        s[3] += g.out();
        s[4] += g.error() ? 1 : 0;
        s[5] += g.tool() ? 1 : 0;
        cost.merge(d, g.cost(), Double::sum);
      }
    }
    List<DailyTotals> out = new ArrayList<>();
    m.forEach(
        (d, s) -> out.add(new DailyTotals(d, s[0], s[1], s[2], s[3], cost.get(d), s[4], s[5])));
    return out;
  }

  private static List<AgentTotals> agents(RollupWorkload w, String org, Instant from, Instant to) {
    Map<String, double[]> m = new TreeMap<>();
    for (Gen g : w.distinct) {
      Instant ts = g.event().timestamp();
      if (g.event().orgId().equals(org) && !ts.isBefore(from) && ts.isBefore(to)) {
        double[] s = m.computeIfAbsent(g.event().agentId(), k -> new double[5]);
        s[0]++;
        s[1] += g.llm() ? 1 : 0;
        s[2] += g.in();
        s[3] += g.out();
        s[4] += g.cost();
      }
    }
    List<AgentTotals> out = new ArrayList<>();
    m.forEach(
        (a, s) ->
            out.add(new AgentTotals(a, (long) s[0], (long) s[1], (long) s[2], (long) s[3], s[4])));
    return out;
  }

  private static List<ActivityCell> activity(RollupWorkload w, String org) {
    Map<String, Long> m = new TreeMap<>();
    for (Gen g : w.distinct) {
      if (g.event().orgId().equals(org)) {
        var z = g.event().timestamp().atZone(ZoneOffset.UTC);
        String k =
            g.event().agentId() + "|" + z.getDayOfWeek().getValue() % 7 + "|" + (100 + z.getHour());
        m.merge(k, 1L, Long::sum);
      }
    }
    List<ActivityCell> out = new ArrayList<>();
    m.forEach(
        (k, n) -> {
          String[] p = k.split("\\|");
          out.add(new ActivityCell(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]) - 100, n));
        });
    return out;
  }
}
