package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/optimize/recommendations} (reference §4.3.8) on both launchers, from ingested
 * pairs. Recent (1 h ago, agent {@code opt-bot}): 30 gpt-4o and 30 gpt-4o-mini simple calls of 500
 * input / 100 output tokens at list price, $0.00225 and $0.000135 a call → one recommendation
 * saving (0.00225 − 0.000135)·30·30/7 = $0.271929 a month, confidence low (30 calls). Ten days ago
 * (agent {@code old-bot}): 30 gpt-4.1 moderate calls of 2000/500 tokens at $0.008 and 25
 * gpt-4.1-nano ones at $0.0004 (one failed: 24/25 = 96 % < 98 %) plus 20 gpt-4.1-mini ones at
 * $0.0016 → over 30 days gpt-4.1 → mini saves (0.008 − 0.0016)·30 = $0.192, and the nano is
 * refused.
 */
public abstract class CostOptimizationApiContract extends LauncherApiSuite {

  private static final String PATH = "/api/optimize/recommendations";

  private Tenant org;
  private Tenant other;

  @BeforeAll
  void load() throws InterruptedException {
    org = tenants.create(Plan.PRO, null);
    other = tenants.create(Plan.PRO, null);
    Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    Instant old = recent.minus(Duration.ofDays(10));
    CostEvents e = new CostEvents(api, org.key());
    e.pairs(30, "opt-bot", "gpt-4o", 500, 100, 0.00225, recent);
    e.pairs(30, "opt-bot", "gpt-4o-mini", 500, 100, 0.000135, recent);
    e.pairs(30, "old-bot", "gpt-4.1", 2000, 500, 0.008, old);
    e.pairs(24, "old-bot", "gpt-4.1-nano", 2000, 500, 0.0004, old);
    e.pair("s-x", "old-bot", "gpt-4.1-nano", 2000, 500, "error", 0.0004, old.minusSeconds(99));
    e.pairs(20, "old-bot", "gpt-4.1-mini", 2000, 500, 0.0016, old);
    e.send();
    Api.Reply done =
        api.await(
            PATH + "?period=30",
            org.key(),
            r -> r.status() == 200 && r.json().get("analyzedCalls").asLong() == 135,
            Duration.ofSeconds(30));
    assertThat(done.json().get("analyzedCalls").asLong()).as(done.raw()).isEqualTo(135);
  }

  private JsonNode ok(Tenant t, String query) {
    Api.Reply r = api.get(PATH + query, t.key());
    assertThat(r.status()).as(query + " → " + r.raw()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theDefaultWeekRecommendsTheMiniWithTheHandComputedSavings() {
    JsonNode r = ok(org, "");
    assertThat(r.get("period").asInt()).isEqualTo(7);
    assertThat(r.get("analyzedCalls").asLong()).isEqualTo(60);
    assertThat(r.get("recommendations")).hasSize(1);
    JsonNode c = r.get("recommendations").get(0);
    assertThat(c.get("currentModel").asText()).isEqualTo("gpt-4o");
    assertThat(c.get("recommendedModel").asText()).isEqualTo("gpt-4o-mini");
    assertThat(c.get("complexityTier").asText()).isEqualTo("simple");
    assertThat(c.get("currentCostPerCall").asDouble()).isEqualTo(0.00225);
    assertThat(c.get("recommendedCostPerCall").asDouble()).isEqualTo(0.000135);
    assertThat(c.get("monthlySavings").asDouble()).isEqualTo(0.271929);
    assertThat(c.get("callVolume").asLong()).isEqualTo(30);
    assertThat(c.get("currentSuccessRate").asDouble()).isEqualTo(1.0);
    assertThat(c.get("recommendedSuccessRate").asDouble()).isEqualTo(1.0);
    assertThat(c.get("confidence").asText()).isEqualTo("low");
    assertThat(c.get("agentId").asText()).isEqualTo("opt-bot");
    assertThat(r.get("totalPotentialSavings").asDouble()).isEqualTo(0.271929);
  }

  @Test
  void aLongerPeriodTakesTheOlderCallsInSortedAndLimited() {
    JsonNode r = ok(org, "?period=30");
    // gpt-4.1 → mini 0.192; gpt-4o → mini (0.002115)·30·30/30 = 0.06345; the nano is below 98 %
    assertThat(r.get("recommendations")).hasSize(2);
    assertThat(r.get("recommendations").get(0).get("recommendedModel").asText())
        .isEqualTo("gpt-4.1-mini");
    assertThat(r.get("recommendations").get(0).get("monthlySavings").asDouble()).isEqualTo(0.192);
    assertThat(r.get("recommendations").get(0).get("complexityTier").asText())
        .isEqualTo("moderate");
    assertThat(r.get("recommendations").get(1).get("monthlySavings").asDouble()).isEqualTo(0.06345);
    assertThat(r.get("totalPotentialSavings").asDouble()).isEqualTo(0.25545);
    JsonNode one = ok(org, "?period=30&limit=1");
    assertThat(one.get("recommendations")).hasSize(1);
    assertThat(one.get("totalPotentialSavings").asDouble()).isEqualTo(0.192);
    // a short period is not extrapolated: (0.00225 − 0.000135)·30 = 0.06345
    JsonNode shortP = ok(org, "?period=1");
    assertThat(shortP.get("recommendations").get(0).get("monthlySavings").asDouble())
        .isEqualTo(0.06345);
    assertThat(shortP.get("recommendations").get(0).get("confidence").asText()).isEqualTo("low");
  }

  @Test
  void anAgentFilterNarrowsTheCalls() {
    JsonNode old = ok(org, "?period=30&agentId=old-bot");
    assertThat(old.get("analyzedCalls").asLong()).isEqualTo(75);
    assertThat(old.get("recommendations")).hasSize(1);
    assertThat(old.get("recommendations").get(0).get("agentId").asText()).isEqualTo("old-bot");
    JsonNode nobody = ok(org, "?agentId=nobody");
    assertThat(nobody.get("recommendations")).isEmpty();
    assertThat(nobody.get("analyzedCalls").asLong()).isZero();
    assertThat(nobody.get("totalPotentialSavings").asDouble()).isZero();
  }

  @Test
  void outOfRangeParametersAre400NamingTheParameter() {
    for (String q :
        List.of("period=0", "period=91", "period=seven", "period=1.5", "limit=0", "limit=51")) {
      Api.Reply r = api.get(PATH + "?" + q, org.key());
      assertThat(r.status()).as(q + " → " + r.raw()).isEqualTo(400);
      assertThat(r.json().get("status").asInt()).isEqualTo(400);
      assertThat(r.json().get("details").get(0).get("path").asText()).isEqualTo(q.split("=")[0]);
      assertThat(r.json().get("details").get(0).get("message").asText()).contains("integer");
    }
    assertThat(api.get(PATH + "?period=90&limit=50", org.key()).status()).isEqualTo(200);
  }

  @Test
  void anotherOrgSeesNothingAndAKeyIsRequired() {
    JsonNode r = ok(other, "?period=90");
    assertThat(r.get("recommendations")).isEmpty();
    assertThat(r.get("analyzedCalls").asLong()).isZero();
    assertThat(api.get(PATH, null).status()).isEqualTo(401);
    assertThat(api.get(PATH, "al_live_" + "x".repeat(32)).status()).isEqualTo(401);
  }
}
