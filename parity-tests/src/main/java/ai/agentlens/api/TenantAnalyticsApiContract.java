package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant analytics routes on roll-ups (issue 16) on both launchers: {@code GET
 * /api/analytics/tokens}, {@code /agents/activity} and {@code /agents} — shapes and values against
 * the events sent, the 1–90 day range, empty answers for a new org, 401 without credentials, the
 * same answers through a dashboard session (its current org), and another org's key or session
 * never seeing this org's numbers.
 */
public abstract class TenantAnalyticsApiContract extends AccountStack {

  private static final List<String> ROUTES =
      List.of("/api/analytics/tokens", "/api/analytics/agents/activity", "/api/analytics/agents");

  /** One moment of the fixture: every event of a batch shares its timestamp. */
  private record Moment(
      String agent, Instant at, int events, long tokens, long calls, double cost) {}

  private final List<Moment> moments = new ArrayList<>();
  private Api api;
  private Accounts.OrgOf org;
  private String key;
  private Accounts.OrgOf other;
  private String otherKey;
  private Instant now;

  @BeforeAll
  void load() throws InterruptedException {
    api = new Api(stack.url());
    org = accounts.org("Analytics A");
    key = accounts.key(org.id(), org.owner()).get("key").asText();
    other = accounts.org("Analytics B");
    otherKey = accounts.key(other.id(), other.owner()).get("key").asText();
    now = TestClock.current();
    send("writer", "Writer bot", now.minus(Duration.ofDays(2)), 100, 20, 0.5);
    send("writer", "Writer bot", now.minus(Duration.ofDays(2)).plusSeconds(1), 40, 0, 0.25);
    send("writer", "Writer bot", now.minus(Duration.ofMinutes(5)), 7, 3, 0.125);
    send("planner", "Planner", now.minus(Duration.ofDays(9)), 1000, 500, 2.0);
    send("idle-bot", "Idle bot", now.minus(Duration.ofHours(3)), -1, 0, 0);
    long expected = moments.stream().mapToLong(Moment::tokens).sum();
    // why: cloud stores through the Redis queue and a worker; self-hosted's 202 already means
    // stored
    Api.Reply r =
        api.await(
            "/api/analytics/tokens",
            key,
            x -> x.status() == 200 && sum(x.json(), "count") == expected,
            Duration.ofSeconds(15));
    assertThat(sum(r.json(), "count")).as(r.raw()).isEqualTo(expected);
  }

  /** Sends one session: start, and an LLM call + response unless {@code in} is negative. */
  private void send(String agent, String name, Instant at, long in, long out, double cost) {
    String session = agent + "-" + UUID.randomUUID().toString().substring(0, 8);
    String head =
        "{\"sessionId\":\""
            + session
            + "\",\"agentId\":\""
            + agent
            + "\",\"timestamp\":\""
            + at
            + "\"";
    StringBuilder b = new StringBuilder("{\"events\":[");
    b.append(head)
        .append(",\"eventType\":\"session_started\",\"payload\":{\"agentName\":\"")
        .append(name)
        .append("\"}}");
    int events = 1;
    if (in >= 0) {
      b.append(",")
          .append(head)
          .append(
              ",\"eventType\":\"llm_call\",\"payload\":{\"callId\":\"c1\",\"provider\":\"openai\",")
          .append("\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}");
      b.append(",")
          .append(head)
          .append(
              ",\"eventType\":\"llm_response\",\"payload\":{\"callId\":\"c1\",\"provider\":\"openai\",")
          .append("\"model\":\"gpt-4o\",\"completion\":\"hello\",\"usage\":{\"inputTokens\":")
          .append(in)
          .append(",\"outputTokens\":")
          .append(out)
          .append(",\"totalTokens\":")
          .append(in + out)
          .append("},\"latencyMs\":100,\"costUsd\":")
          .append(cost)
          .append("}}");
      events += 2;
    }
    b.append("]}");
    Api.Reply r = api.post("/api/events", key, b.toString());
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    moments.add(
        new Moment(agent, at, events, in < 0 ? 0 : in + out, in < 0 ? 0 : 1, in < 0 ? 0 : cost));
  }

  private static long sum(JsonNode array, String field) {
    long total = 0;
    for (JsonNode n : array) {
      total += n.get(field).asLong();
    }
    return total;
  }

  private JsonNode ok(String path, String credential) {
    Api.Reply r = api.get(path, credential);
    assertThat(r.status()).as(path + " → " + r.raw()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    return r.json();
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  @Test
  void tokensAreADenseAscendingDailySeriesEndingToday() {
    JsonNode days = ok("/api/analytics/tokens", key);
    assertThat(days).hasSize(30);
    LocalDate today = day(TestClock.current());
    for (int i = 0; i < 30; i++) {
      JsonNode d = days.get(i);
      assertThat(d.get("date").asText()).isEqualTo(today.minusDays(29 - i).toString());
      LocalDate date = LocalDate.parse(d.get("date").asText());
      List<Moment> those = moments.stream().filter(m -> day(m.at()).equals(date)).toList();
      assertThat(d.get("count").asLong())
          .as(date.toString())
          .isEqualTo(those.stream().mapToLong(Moment::tokens).sum());
      assertThat(d.get("calls").asLong()).isEqualTo(those.stream().mapToLong(Moment::calls).sum());
      assertThat(d.get("costUsd").asDouble())
          .isCloseTo(those.stream().mapToDouble(Moment::cost).sum(), within(1e-9));
    }
    for (int n : new int[] {1, 7, 90}) {
      JsonNode series = ok("/api/analytics/tokens?days=" + n, key);
      assertThat(series).as("days=" + n).hasSize(n);
      assertThat(series.get(n - 1).get("date").asText()).isEqualTo(today.toString());
    }
    // the planner's 1,500 tokens nine days ago fall outside a week: 120 + 40 + 10
    assertThat(sum(ok("/api/analytics/tokens?days=7", key), "count")).isEqualTo(170L);
  }

  @Test
  void daysOutsideOneToNinetyIs400NamingTheMaximum() {
    for (String bad : List.of("0", "91", "-1", "abc", "1.5", "99999999999")) {
      Api.Reply r = api.get("/api/analytics/tokens?days=" + bad, key);
      assertThat(r.status()).as(bad + " → " + r.raw()).isEqualTo(400);
      assertThat(r.json().get("status").asInt()).isEqualTo(400);
      assertThat(r.json().get("error").asText()).contains("90");
      assertThat(r.json().get("details").get(0).get("path").asText()).isEqualTo("days");
    }
  }

  @Test
  void activityCountsEveryEventByUtcDayOfWeekAndHour() {
    JsonNode cells = ok("/api/analytics/agents/activity", key);
    Map<String, Long> expected = new java.util.TreeMap<>();
    for (Moment m : moments) {
      ZonedDateTime z = m.at().atZone(ZoneOffset.UTC);
      expected.merge(
          m.agent() + " " + z.getDayOfWeek().getValue() % 7 + " " + z.getHour(),
          (long) m.events(),
          Long::sum);
    }
    Map<String, Long> actual = new java.util.TreeMap<>();
    for (JsonNode c : cells) {
      assertThat(c.get("dow").asInt()).isBetween(0, 6);
      assertThat(c.get("hour").asInt()).isBetween(0, 23);
      actual.put(
          c.get("agentId").asText() + " " + c.get("dow").asInt() + " " + c.get("hour").asInt(),
          c.get("count").asLong());
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void agentsThisMonthAreSortedByTokensWithNamesAndZeroUsageAgents() {
    YearMonth month = YearMonth.from(TestClock.current().atZone(ZoneOffset.UTC));
    List<Moment> thisMonth =
        moments.stream()
            .filter(m -> YearMonth.from(m.at().atZone(ZoneOffset.UTC)).equals(month))
            .toList();
    JsonNode agents = ok("/api/analytics/agents", key);
    List<String> ids = new ArrayList<>();
    long previous = Long.MAX_VALUE;
    for (JsonNode a : agents) {
      String id = a.get("agentId").asText();
      ids.add(id);
      List<Moment> mine = thisMonth.stream().filter(m -> m.agent().equals(id)).toList();
      assertThat(a.get("tokenCount").asLong())
          .as(id)
          .isEqualTo(mine.stream().mapToLong(Moment::tokens).sum());
      assertThat(a.get("calls").asLong()).isEqualTo(mine.stream().mapToLong(Moment::calls).sum());
      assertThat(a.get("costUsd").asDouble())
          .isCloseTo(mine.stream().mapToDouble(Moment::cost).sum(), within(1e-9));
      assertThat(a.get("tokenCount").asLong()).isLessThanOrEqualTo(previous);
      previous = a.get("tokenCount").asLong();
    }
    assertThat(ids).containsExactlyInAnyOrder("writer", "planner", "idle-bot");
    JsonNode idle = agents.get(ids.indexOf("idle-bot"));
    assertThat(idle.get("name").asText()).isEqualTo("Idle bot");
    assertThat(idle.get("tokenCount").asLong()).isZero();
    assertThat(agents.get(ids.indexOf("writer")).get("name").asText()).isEqualTo("Writer bot");
  }

  @Test
  void aNewOrgGetsEmptyAnswers() {
    JsonNode days = ok("/api/analytics/tokens?days=7", otherKey);
    assertThat(days).hasSize(7);
    for (JsonNode d : days) {
      assertThat(d.get("count").asLong()).isZero();
      assertThat(d.get("calls").asLong()).isZero();
      assertThat(d.get("costUsd").asDouble()).isZero();
    }
    assertThat(ok("/api/analytics/agents/activity", otherKey)).isEmpty();
    assertThat(ok("/api/analytics/agents", otherKey)).isEmpty();
  }

  @Test
  void everyRouteNeedsCredentials() {
    for (String path : ROUTES) {
      Api.Reply none = api.get(path, null);
      assertThat(none.status()).as(path).isEqualTo(401);
      assertThat(none.json().get("status").asInt()).isEqualTo(401);
      assertThat(none.json().get("error").asText()).isNotBlank();
      Api.Reply wrong = api.get(path, "al_live_" + "x".repeat(32));
      assertThat(wrong.status()).as(path).isEqualTo(401);
      Api.Reply signedOut = new Browser(stack.url()).get(path);
      assertThat(signedOut.status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void aDashboardSessionSeesItsCurrentOrgLikeItsKey() {
    for (String path : ROUTES) {
      Api.Reply viaSession = org.owner().browser().get(path);
      assertThat(viaSession.status()).as(path + " → " + viaSession.raw()).isEqualTo(200);
      assertThat(viaSession.json()).as(path).isEqualTo(ok(path, key));
    }
  }

  @Test
  void anotherOrgsKeyOrSessionNeverSeesThisOrgsNumbers() {
    for (Api.Reply r :
        List.of(
            api.get("/api/analytics/tokens?days=90", otherKey),
            other.owner().browser().get("/api/analytics/tokens?days=90"))) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(sum(r.json(), "count")).isZero();
    }
    assertThat(other.owner().browser().get("/api/analytics/agents").json()).isEmpty();
    assertThat(other.owner().browser().get("/api/analytics/agents/activity").json()).isEmpty();
    // a user in both orgs sees the session's current org, and only it
    String second = accounts.createOrg(org.owner(), "Analytics A2");
    Browser both = org.owner().browser();
    assertThat(both.put("/api/me/current-org", Map.of("orgId", second)).status()).isEqualTo(200);
    assertThat(sum(both.get("/api/analytics/tokens?days=90").json(), "count")).isZero();
    assertThat(both.get("/api/analytics/agents").json()).isEmpty();
    assertThat(both.put("/api/me/current-org", Map.of("orgId", org.id())).status()).isEqualTo(200);
    assertThat(sum(both.get("/api/analytics/tokens?days=90").json(), "count"))
        .isEqualTo(moments.stream().mapToLong(Moment::tokens).sum());
  }
}
