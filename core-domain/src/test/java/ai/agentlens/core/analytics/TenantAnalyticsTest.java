package ai.agentlens.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.analytics.TenantAnalytics.AgentUsage;
import ai.agentlens.core.analytics.TenantAnalytics.TokenDay;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.session.Agent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed answers of the tenant analytics use case over an in-memory roll-up port. */
class TenantAnalyticsTest {

  /** A Tuesday afternoon. */
  private static final Instant NOW = Instant.parse("2026-03-10T15:30:00Z");

  private final FakeRollups rollups = new FakeRollups();
  private final List<Agent> known = new ArrayList<>();
  private final AgentStore agentStore =
      new AgentStore() {
        @Override
        public Optional<Agent> find(String orgId, String agentId) {
          return list(orgId).stream().filter(a -> a.id().equals(agentId)).findFirst();
        }

        @Override
        public List<Agent> list(String orgId) {
          return known.stream().filter(a -> a.orgId().equals(orgId)).toList();
        }
      };

  private TenantAnalytics at(String now) {
    return new TenantAnalytics(rollups, agentStore, Clock.fixed(Instant.parse(now)));
  }

  private void agent(String org, String id, String name) {
    known.add(new Agent(org, id, name, NOW.minus(Duration.ofDays(60)), NOW, 1));
  }

  private static TokenDay day(String date, long count, long calls, double cost) {
    return new TokenDay(LocalDate.parse(date), count, calls, cost);
  }

  @Test
  void tokensAreADenseAscendingSeriesEndingToday() {
    rollups
        .llm("o1", "a1", "2026-03-08T09:00:00Z", 100, 20, 0.5)
        .llm("o1", "a2", "2026-03-08T23:59:59Z", 10, 5, 0.25)
        .llm("o1", "a1", "2026-03-10T15:00:00Z", 7, 3, 0.125)
        .other("o1", "a1", "2026-03-09T12:00:00Z")
        .llm("o1", "a1", "2026-03-07T10:00:00Z", 1000, 0, 2.0)
        .llm("o2", "a1", "2026-03-10T10:00:00Z", 5000, 0, 9.0);
    TenantAnalytics analytics = at("2026-03-10T15:30:00Z");

    assertThat(analytics.tokens("o1", 3))
        .containsExactly(
            day("2026-03-08", 135, 2, 0.75),
            day("2026-03-09", 0, 0, 0),
            day("2026-03-10", 10, 1, 0.125));
    assertThat(rollups.askedFrom).isEqualTo(LocalDate.parse("2026-03-08"));
    assertThat(rollups.askedTo).isEqualTo(LocalDate.parse("2026-03-10"));
    assertThat(analytics.tokens("o1", 4).get(0)).isEqualTo(day("2026-03-07", 1000, 1, 2.0));
    assertThat(analytics.tokens("o2", 3))
        .containsExactly(
            day("2026-03-08", 0, 0, 0), day("2026-03-09", 0, 0, 0), day("2026-03-10", 5000, 1, 9));
  }

  @Test
  void aNewOrgGetsAllZeroDays() {
    List<TokenDay> days = at("2026-03-10T15:30:00Z").tokens("empty", TenantAnalytics.DEFAULT_DAYS);
    assertThat(days).hasSize(30);
    assertThat(days).allMatch(d -> d.count() == 0 && d.calls() == 0 && d.costUsd() == 0);
    assertThat(days.get(0).date()).isEqualTo(LocalDate.parse("2026-02-09"));
    assertThat(days.get(29).date()).isEqualTo(LocalDate.parse("2026-03-10"));
  }

  @Test
  void todayIsTheUtcDayWhateverTheJvmZone() {
    // the test JVM runs in Asia/Kolkata, where 23:30 UTC is already the next day
    assertThat(at("2026-03-10T23:30:00Z").tokens("o1", 1))
        .extracting(TokenDay::date)
        .containsExactly(LocalDate.parse("2026-03-10"));
    assertThat(at("2026-03-10T00:00:00Z").tokens("o1", 2))
        .extracting(TokenDay::date)
        .containsExactly(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"));
  }

  @Test
  void theRangeIsOneToNinetyDays() {
    TenantAnalytics analytics = at("2026-03-10T15:30:00Z");
    assertThat(analytics.tokens("o1", 1)).hasSize(1);
    List<TokenDay> longest = analytics.tokens("o1", 90);
    assertThat(longest).hasSize(90);
    assertThat(longest.get(0).date()).isEqualTo(LocalDate.parse("2025-12-11"));
    for (int bad : new int[] {0, -1, 91, 365, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> analytics.tokens("o1", bad))
          .as("days=" + bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("90");
    }
  }

  @Test
  void activityCoversThirtyDaysToTheNextWholeHour() {
    rollups
        .other("o1", "a1", "2026-03-10T15:59:59Z") // Tuesday 15h
        .llm("o1", "a1", "2026-03-03T15:10:00Z", 1, 1, 0) // Tuesday 15h
        .other("o1", "a1", "2026-03-08T09:00:00Z") // Sunday 9h
        .other("o1", "a2", "2026-02-08T16:00:00Z") // Sunday 16h, the first instant
        .other("o1", "a2", "2026-02-08T15:59:59Z") // before the window
        .other("o1", "a2", "2026-03-10T16:00:00Z") // the next hour, after the window
        .other("o2", "a1", "2026-03-10T10:00:00Z");

    assertThat(at("2026-03-10T15:30:00Z").activity("o1"))
        .containsExactly(
            new ActivityCell("a1", 0, 9, 1),
            new ActivityCell("a1", 2, 15, 2),
            new ActivityCell("a2", 0, 16, 1));
    assertThat(rollups.askedStart).isEqualTo(Instant.parse("2026-02-08T16:00:00Z"));
    assertThat(rollups.askedEnd).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));

    at("2026-03-10T15:00:00Z").activity("o1");
    assertThat(rollups.askedEnd).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
    assertThat(at("2026-03-10T15:30:00Z").activity("nobody")).isEmpty();
  }

  @Test
  void agentsThisMonthSortedByTokensWithZeroUsageAgentsToo() {
    agent("o1", "a1", "Alpha");
    agent("o1", "b2", "Beta");
    agent("o1", "c3", "c3");
    agent("o1", "d4", "Delta");
    agent("o1", "z0", "Zero");
    agent("o1", "y9", "Yankee");
    agent("o2", "x", "Other org's agent");
    rollups
        .llm("o1", "a1", "2026-02-28T23:59:59Z", 1000, 0, 5) // last month
        .llm("o1", "a1", "2026-03-01T00:05:00Z", 10, 5, 0.1)
        .llm("o1", "b2", "2026-03-01T00:06:00Z", 100, 0, 1)
        .llm("o1", "c3", "2026-03-01T00:07:00Z", 15, 0, 0.2)
        .other("o1", "d4", "2026-03-01T00:08:00Z")
        .llm("o1", "ghost", "2026-03-01T00:09:00Z", 1, 0, 0.01)
        .llm("o2", "x", "2026-03-01T00:09:00Z", 9999, 0, 9);

    assertThat(at("2026-03-01T00:10:00Z").agents("o1"))
        .containsExactly(
            new AgentUsage("b2", "Beta", 100, 1, 1),
            new AgentUsage("a1", "Alpha", 15, 1, 0.1),
            new AgentUsage("c3", "c3", 15, 1, 0.2),
            new AgentUsage("ghost", "ghost", 1, 1, 0.01),
            new AgentUsage("d4", "Delta", 0, 0, 0),
            new AgentUsage("y9", "Yankee", 0, 0, 0),
            new AgentUsage("z0", "Zero", 0, 0, 0));
    assertThat(rollups.askedStart).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(rollups.askedEnd).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
  }

  @Test
  void theMonthEndsWithTheYear() {
    agent("o1", "a1", "Alpha");
    rollups
        .llm("o1", "a1", "2026-12-31T23:59:00Z", 4, 4, 0.5)
        .llm("o1", "a1", "2026-11-30T23:59:00Z", 100, 0, 1);
    assertThat(at("2026-12-31T23:59:30Z").agents("o1"))
        .containsExactly(new AgentUsage("a1", "Alpha", 8, 1, 0.5));
    assertThat(rollups.askedEnd).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(at("2026-12-31T23:59:30Z").agents("nobody")).isEmpty();
  }

  @Test
  void randomTrendsSumTheTokensOfTheirDays() {
    Random random = new Random(16_2L);
    for (int round = 0; round < 200; round++) {
      rollups.events.clear();
      Instant now = NOW.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 40)));
      for (int i = random.nextInt(40); i > 0; i--) {
        Instant t = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 120)));
        String org = random.nextInt(4) == 0 ? "o2" : "o1";
        rollups.llm(org, "a" + random.nextInt(3), t.toString(), random.nextInt(500), 3, 0.5);
      }
      int days = 1 + random.nextInt(TenantAnalytics.MAX_DAYS);
      List<TokenDay> series =
          new TenantAnalytics(rollups, agentStore, Clock.fixed(now)).tokens("o1", days);
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      LocalDate first = today.minusDays(days - 1L);
      long expected =
          rollups.events.stream()
              .filter(e -> e.orgId().equals("o1"))
              .filter(e -> !LocalDate.ofInstant(e.at(), ZoneOffset.UTC).isBefore(first))
              .mapToLong(e -> e.in() + e.out())
              .sum();
      assertThat(series).as("round " + round).hasSize(days);
      for (int i = 0; i < days; i++) {
        assertThat(series.get(i).date()).isEqualTo(first.plusDays(i));
      }
      assertThat(series.stream().mapToLong(TokenDay::count).sum())
          .as("round " + round)
          .isEqualTo(expected);
    }
  }
}
