package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Agent health scores (reference §4.3.3) against {@link HealthFixture}'s hand-computed answers, on
 * both launchers: one agent, the overview, the weights, the 404 for an agent without sessions in
 * the window (and for another org's agent), 400 for a bad window, 401 without a key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HealthApiContract {

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
  void load() throws Exception {
    stack = start(Map.of());
    api = new Api(stack.url());
    Tenants tenants = new Tenants(stack);
    org = HealthFixture.load(tenants, api);
    other = tenants.create(Plan.PRO, null);
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private JsonNode ok(String path) {
    Api.Reply r = api.get(path, org.key());
    assertThat(r.status()).as(path + " → " + r.raw()).isEqualTo(200);
    return r.json();
  }

  private static Map<String, Double> scores(JsonNode report) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    report
        .get("dimensions")
        .forEach(d -> out.put(d.get("name").asText(), d.get("score").asDouble()));
    return out;
  }

  @Test
  void agentHealthMatchesTheHandComputedScore() {
    JsonNode h = ok("/api/agents/hx/health");
    assertThat(h.get("agentId").asText()).isEqualTo("hx");
    assertThat(h.get("overallScore").asDouble()).isEqualTo(HealthFixture.OVERALL);
    assertThat(h.get("sessionCount").asInt()).isEqualTo(4);
    assertThat(scores(h))
        .containsExactly(
            Map.entry("error_rate", 75.0),
            Map.entry("cost_efficiency", 75.0),
            Map.entry("tool_success", 50.0),
            Map.entry("latency", 90.0),
            Map.entry("completion_rate", 50.0));
    JsonNode dims = h.get("dimensions");
    assertThat(dims.get(0).get("weight").asDouble()).isEqualTo(0.30);
    assertThat(dims.get(0).get("rawValue").asDouble()).isEqualTo(0.25);
    assertThat(dims.get(1).get("rawValue").asDouble()).isCloseTo(1.25, within(1e-9));
    assertThat(dims.get(3).get("rawValue").asDouble()).isEqualTo(12000.0);
    assertThat(dims.get(0).get("description").asText()).isNotBlank();
    assertThat(h.get("trend").asText()).isEqualTo("degrading");
    assertThat(h.get("trendDelta").asDouble()).isEqualTo(-31.5);
    assertThat(h.get("window").get("from").asText()).isNotBlank();
    assertThat(h.get("window").get("to").asText()).isEqualTo(h.get("computedAt").asText());
  }

  @Test
  void aLongerWindowTakesTheOlderSessionsIn() {
    // 14 days: 6 sessions, baseline [now-30d, now-14d) is empty so cost and latency score 100;
    // errors 1/6, tools 4 calls 2 failed, completed 4/6
    JsonNode h = ok("/api/agents/hx/health?window=14");
    assertThat(h.get("sessionCount").asInt()).isEqualTo(6);
    assertThat(scores(h))
        .containsExactly(
            Map.entry("error_rate", 83.33),
            Map.entry("cost_efficiency", 100.0),
            Map.entry("tool_success", 50.0),
            Map.entry("latency", 100.0),
            Map.entry("completion_rate", 66.67));
    // 0.3*83.33 + 0.2*100 + 0.2*50 + 0.15*100 + 0.15*66.67 = 79.999 + ... = 80.0
    assertThat(h.get("overallScore").asDouble()).isEqualTo(80.0);
    assertThat(h.get("trend").asText()).isEqualTo("stable");
    assertThat(h.get("trendDelta").asDouble()).isEqualTo(0.0);
  }

  @Test
  void anAgentWithoutSessionsInTheWindowIs404() {
    for (String path :
        List.of(
            "/api/agents/quiet/health",
            "/api/agents/quiet/health?window=30",
            "/api/agents/nobody/health")) {
      Api.Reply r = api.get(path, org.key());
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.json().get("error").asText()).isEqualTo("No sessions found for agent in window");
      assertThat(r.json().get("status").asInt()).isEqualTo(404);
    }
    assertThat(api.get("/api/agents/quiet/health?window=90", org.key()).status()).isEqualTo(200);
  }

  @Test
  void anotherOrgSeesNoneOfIt() {
    Api.Reply r = api.get("/api/agents/hx/health", other.key());
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("error").asText()).isEqualTo("No sessions found for agent in window");
    Api.Reply overview = api.get("/api/health/overview", other.key());
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.json().get("agents")).isEmpty();
  }

  @Test
  void aBadWindowIs400WithDetails() {
    for (String w : List.of("0", "91", "-3", "seven", "1.5")) {
      for (String path : List.of("/api/agents/hx/health?window=", "/api/health/overview?window=")) {
        Api.Reply r = api.get(path + w, org.key());
        assertThat(r.status()).as(path + w + " → " + r.raw()).isEqualTo(400);
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().get("details").get(0).get("path").asText()).isEqualTo("window");
      }
    }
  }

  @Test
  void overviewListsTheAgentsWithSessionsInTheWindow() {
    JsonNode o = ok("/api/health/overview");
    List<String> ids = new ArrayList<>();
    o.get("agents").forEach(a -> ids.add(a.get("agentId").asText()));
    assertThat(ids).containsExactly("hx");
    assertThat(o.get("agents").get(0).get("overallScore").asDouble())
        .isEqualTo(HealthFixture.OVERALL);
    assertThat(o.get("computedAt").asText()).isNotBlank();
    List<String> wide = new ArrayList<>();
    ok("/api/health/overview?window=90")
        .get("agents")
        .forEach(a -> wide.add(a.get("agentId").asText()));
    assertThat(wide).containsExactlyInAnyOrder("hx", "quiet");
  }

  @Test
  void weightsAreTheDefaults() {
    JsonNode w = ok("/api/config/health-weights");
    assertThat(w.get("errorRate").asDouble()).isEqualTo(0.30);
    assertThat(w.get("costEfficiency").asDouble()).isEqualTo(0.20);
    assertThat(w.get("toolSuccess").asDouble()).isEqualTo(0.20);
    assertThat(w.get("latency").asDouble()).isEqualTo(0.15);
    assertThat(w.get("completionRate").asDouble()).isEqualTo(0.15);
  }

  @Test
  void everyRouteNeedsAKey() {
    for (String path :
        List.of("/api/agents/hx/health", "/api/health/overview", "/api/config/health-weights")) {
      assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
    }
  }
}
