package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.health.SnapshotJob;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Health history (reference §3.5 {@code getHealthHistory}) on both launchers: the snapshot job
 * (every second here) writes one snapshot per agent and UTC day — a second run the same day writes
 * nothing — and the route serves them oldest first in the wrapper shape; 400 without {@code
 * agentId} or with a bad {@code days}, 401 without credentials, nothing for another org; {@code PUT
 * /api/config/health-weights} is 501.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HealthHistoryApiContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Api api;
  private Tenant org;
  private Tenant other;

  @BeforeAll
  void load() {
    stack =
        start(
            Map.of(
                "agentlens.test.clock", "mutable",
                "agentlens.health.snapshots.interval", "1s",
                "agentlens.health.snapshots.initial-delay", "1s",
                "agentlens.alerts.check.enabled", "false"));
    api = new Api(stack.url());
    Tenants tenants = new Tenants(stack);
    org = tenants.create(Plan.PRO, null);
    other = tenants.create(Plan.PRO, null);
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private void session(String agent, String session) {
    String at = TestClock.current().toString();
    String start =
        "{\"sessionId\":\""
            + session
            + "\",\"agentId\":\""
            + agent
            + "\",\"eventType\":\"session_started\",\"timestamp\":\""
            + at
            + "\",\"payload\":{\"agentName\":\""
            + agent
            + "\"}}";
    String end =
        "{\"sessionId\":\""
            + session
            + "\",\"agentId\":\""
            + agent
            + "\",\"eventType\":\"session_ended\",\"timestamp\":\""
            + at
            + "\",\"payload\":{\"reason\":\"completed\"}}";
    Api.Reply r = api.post("/api/events", org.key(), "{\"events\":[" + start + "," + end + "]}");
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
  }

  private JsonNode history(String query, int size) throws InterruptedException {
    Api.Reply r =
        api.await(
            "/api/health/history" + query,
            org.key(),
            x -> x.status() == 200 && x.json().get("snapshots").size() >= size,
            Duration.ofSeconds(20));
    assertThat(r.json().get("snapshots")).as(r.raw()).hasSize(size);
    return r.json();
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(TestClock.current(), ZoneOffset.UTC);
  }

  @Test
  void theJobWritesOneSnapshotPerDayAndTheRouteServesThemAscending() throws Exception {
    assertThat(api.get("/api/health/history?agentId=hist-bot", org.key()).json().get("snapshots"))
        .isEmpty();
    session("hist-bot", "hist-1");
    LocalDate first = today();
    JsonNode h = history("?agentId=hist-bot", 1);
    assertThat(h.get("agentId").asText()).isEqualTo("hist-bot");
    assertThat(h.get("days").asInt()).isEqualTo(30);
    JsonNode s = h.get("snapshots").get(0);
    assertThat(s.get("date").asText()).isEqualTo(first.toString());
    assertThat(s.get("sessionCount").asInt()).isEqualTo(1);
    assertThat(s.get("completionRateScore").asDouble()).isEqualTo(100.0);
    assertThat(s.get("errorRateScore").asDouble()).isEqualTo(100.0);
    assertThat(s.get("overallScore").asDouble()).isEqualTo(100.0);
    for (String f : List.of("costEfficiencyScore", "toolSuccessScore", "latencyScore", "agentId")) {
      assertThat(s.has(f)).as(f).isTrue();
    }
    // why: the same day again writes nothing, whether the scheduler or this call holds the lease
    session("hist-bot", "hist-2");
    assertThat(stack.bean(SnapshotJob.class).runOnce().orElse(0)).isZero();
    Thread.sleep(2_500);
    assertThat(history("?agentId=hist-bot", 1).get("snapshots").get(0).get("sessionCount").asInt())
        .isEqualTo(1);
    TestClock.advance(Duration.ofDays(1));
    session("hist-bot", "hist-3");
    JsonNode two = history("?agentId=hist-bot", 2);
    assertThat(two.get("snapshots").findValuesAsText("date"))
        .containsExactly(first.toString(), first.plusDays(1).toString());
    // why: the job may score day 2 before hist-3 is stored (cloud ingests asynchronously); the
    // two sessions of day 1 are in its 7-day window either way
    assertThat(two.get("snapshots").get(1).get("sessionCount").asInt()).isBetween(2, 3);
    JsonNode last = history("?agentId=hist-bot&days=1", 1);
    assertThat(last.get("days").asInt()).isEqualTo(1);
    assertThat(last.get("snapshots").get(0).get("date").asText())
        .isEqualTo(first.plusDays(1).toString());
  }

  @Test
  void badQueriesAre400AndOtherOrgsSeeNothing() throws Exception {
    Api.Reply none = api.get("/api/health/history", org.key());
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("details").get(0).get("path").asText()).isEqualTo("agentId");
    for (String bad : List.of("0", "366", "abc")) {
      Api.Reply r = api.get("/api/health/history?agentId=x&days=" + bad, org.key());
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().get("details").get(0).get("path").asText()).isEqualTo("days");
    }
    assertThat(api.get("/api/health/history?agentId=x&days=365", org.key()).status())
        .isEqualTo(200);
    assertThat(api.get("/api/health/history?agentId=x", null).status()).isEqualTo(401);
    session("iso-bot", "iso-1");
    history("?agentId=iso-bot", 1);
    Api.Reply theirs = api.get("/api/health/history?agentId=iso-bot", other.key());
    assertThat(theirs.status()).isEqualTo(200);
    assertThat(theirs.json().get("snapshots")).isEmpty();
  }

  @Test
  void weightsAreReadableAndFixed() {
    Api.Reply w = api.get("/api/config/health-weights", org.key());
    assertThat(w.status()).isEqualTo(200);
    assertThat(w.json().get("errorRate").asDouble()).isEqualTo(0.30);
    Browser b = new Browser(stack.url()).withBearer(org.key());
    assertThat(b.put("/api/config/health-weights", "{\"errorRate\":0.5}").status()).isEqualTo(501);
    assertThat(new Browser(stack.url()).put("/api/config/health-weights", "{}").status())
        .isEqualTo(401);
  }
}
