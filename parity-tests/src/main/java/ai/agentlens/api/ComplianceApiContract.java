package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/compliance/report} against {@link ComplianceFixture}'s known facts, on both
 * launchers: shape and values, API key or session, 401 without either, 400 for a bad period, the
 * five-minute cache (hit, then refresh after the test clock moves), and another org's credentials
 * seeing nothing of the fixture org.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ComplianceApiContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Api api;
  private Tenants tenants;
  private ComplianceFixture fx;
  private Tenant other;

  @BeforeAll
  void load() throws Exception {
    stack = start(Map.of("agentlens.test.clock", "mutable"));
    api = new Api(stack.url());
    tenants = new Tenants(stack);
    fx = ComplianceFixture.load(tenants, api, stack);
    other = tenants.create(Plan.ENTERPRISE, null);
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private JsonNode report(String query, String key) {
    Api.Reply r = api.get("/api/compliance/report" + query, key);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    return r.json();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
    return out;
  }

  @Test
  void theReportStatesTheOrgsControlsAndEvidence() {
    JsonNode r = report("?days=90", fx.tenant().key());
    assertThat(r.get("schemaVersion").asText()).isEqualTo("1.0");
    assertThat(r.get("org").get("id").asText()).isEqualTo(fx.tenant().orgId());
    assertThat(r.get("org").get("plan").asText()).isEqualTo("team");
    assertThat(r.get("period").get("days").asInt()).isEqualTo(90);
    assertThat(r.get("period").get("to").asText()).isEqualTo(r.get("generatedAt").asText());
    JsonNode ret = r.get("retention");
    assertThat(ret.get("orgDays").asInt()).isEqualTo(60);
    assertThat(ret.get("planCapDays").asInt()).isEqualTo(90);
    assertThat(ret.get("effectiveDays").asInt()).isEqualTo(60);
    assertThat(ret.get("purgeEnforced").asBoolean()).isFalse();
    JsonNode p = r.get("dataProtection");
    assertThat(p.get("promptMasking").asBoolean()).isTrue();
    assertThat(texts(p.get("redactionRules"), null)).containsExactly("\\bssn\\b");
    assertThat(texts(p.get("notAvailable"), null)).anyMatch(s -> s.startsWith("guardrails:"));
    JsonNode chain = r.get("hashChain");
    assertThat(chain.get("sessionsInPeriod").asLong()).isEqualTo(2);
    assertThat(chain.get("sessionsChecked").asInt()).isEqualTo(2);
    assertThat(chain.get("valid").asInt()).isEqualTo(2);
    assertThat(chain.get("broken").asInt()).isZero();
    assertThat(chain.get("brokenSessions")).isEmpty();
    assertThat(chain.get("truncated").asBoolean()).isFalse();
    JsonNode audit = r.get("auditLog");
    assertThat(audit.get("entries").asLong()).isEqualTo(3);
    assertThat(audit.get("byAction").get("api_key.create").asLong()).isEqualTo(2);
    assertThat(audit.get("byAction").get("member.role_change").asLong()).isEqualTo(1);
    assertThat(audit.get("first").asText()).isLessThan(audit.get("last").asText());
    assertThat(audit.get("truncated").asBoolean()).isFalse();
    JsonNode keys = r.get("keys");
    assertThat(keys).hasSize(3);
    JsonNode old = find(keys, "name", "old");
    assertThat(old.get("ageDays").asLong()).isEqualTo(40);
    assertThat(old.get("unused30Days").asBoolean()).isTrue();
    assertThat(old.get("lastUsedAt").isNull()).isTrue();
    assertThat(old.get("revoked").asBoolean()).isFalse();
    JsonNode gone = find(keys, "name", "gone");
    assertThat(gone.get("revoked").asBoolean()).isTrue();
    assertThat(gone.get("unused30Days").asBoolean()).isFalse();
    assertThat(find(keys, "name", "test key").get("unused30Days").asBoolean()).isFalse();
    assertThat(texts(r.get("members"), "role")).containsExactly("owner", "admin");
    assertThat(texts(r.get("members"), "email")).containsExactly(fx.ownerEmail(), fx.adminEmail());
    assertThat(r.get("membersByRole").get("owner").asInt()).isEqualTo(1);
    JsonNode agents = r.get("agents");
    assertThat(agents).hasSize(1);
    assertThat(agents.get(0).get("agentId").asText()).isEqualTo("support-bot");
    assertThat(agents.get(0).get("name").asText()).isEqualTo("Support Bot");
    assertThat(agents.get(0).get("guardrailRules").asInt()).isZero();
    assertThat(agents.get(0).get("guardrails").asText()).isEqualTo("not available");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.get(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  @Test
  void theDefaultPeriodIs30DaysAndBadPeriodsAre400() {
    JsonNode r = report("", fx.tenant().key());
    assertThat(r.get("period").get("days").asInt()).isEqualTo(30);
    for (String bad : List.of("0", "366", "abc", "-1", "1.5")) {
      Api.Reply reply = api.get("/api/compliance/report?days=" + bad, fx.tenant().key());
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.json().get("details").get(0).get("path").asText()).isEqualTo("days");
      assertThat(reply.json().get("details").get(0).get("message").asText()).contains("1 to 365");
    }
    assertThat(report("?days=365", fx.tenant().key()).get("period").get("days").asInt())
        .isEqualTo(365);
  }

  @Test
  void aSessionCookieGetsTheSameReportAndNoCredentialsIs401() {
    Api.Reply viaSession =
        SessionGet.get(stack.url(), "/api/compliance/report?days=90", fx.sessionCookie());
    assertThat(viaSession.status()).as(viaSession.raw()).isEqualTo(200);
    assertThat(viaSession.json().get("org").get("id").asText()).isEqualTo(fx.tenant().orgId());
    Api.Reply none = api.get("/api/compliance/report", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("error").asText()).isEqualTo("Authentication required");
    assertThat(api.get("/api/compliance/report", "al_live_" + "x".repeat(32)).status())
        .isEqualTo(401);
    assertThat(SessionGet.get(stack.url(), "/api/compliance/report", "not-a-session").status())
        .isEqualTo(401);
  }

  @Test
  void anotherOrgsCredentialsSeeNothingOfThisOrg() {
    JsonNode r = report("?days=90", other.key());
    assertThat(r.get("org").get("id").asText()).isEqualTo(other.orgId());
    assertThat(r.get("agents")).isEmpty();
    assertThat(r.get("members")).isEmpty();
    assertThat(r.get("auditLog").get("entries").asLong()).isZero();
    assertThat(r.get("hashChain").get("sessionsInPeriod").asLong()).isZero();
    assertThat(texts(r.get("keys"), "name")).containsExactly("test key");
    assertThat(r.toString()).doesNotContain(fx.tenant().orgId()).doesNotContain("support-bot");
  }

  @Test
  void aReportIsCachedForFiveMinutesThenRefreshed() {
    Tenant t = tenants.create(Plan.ENTERPRISE, null);
    JsonNode first = report("?days=7", t.key());
    assertThat(first.get("keys")).hasSize(1);
    tenants.addKey(t.orgId(), null);
    TestClock.advance(Duration.ofMinutes(4));
    JsonNode hit = report("?days=7", t.key());
    assertThat(hit.get("generatedAt").asText()).isEqualTo(first.get("generatedAt").asText());
    assertThat(hit).isEqualTo(first);
    JsonNode otherPeriod = report("?days=8", t.key());
    assertThat(otherPeriod.get("keys")).as("each period has its own entry").hasSize(2);
    TestClock.advance(Duration.ofMinutes(1).plusSeconds(1));
    JsonNode fresh = report("?days=7", t.key());
    assertThat(fresh.get("generatedAt").asText()).isGreaterThan(first.get("generatedAt").asText());
    assertThat(fresh.get("keys")).hasSize(2);
  }

  @Test
  void anAgentCardFollowsTheA2aShapeWithWhatWasObserved() {
    Api.Reply r = api.get("/api/agents/support-bot/card", fx.tenant().key());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode card = r.json();
    assertThat(card.get("protocolVersion").asText()).isEqualTo("0.3.0");
    assertThat(card.get("name").asText()).isEqualTo("Support Bot");
    assertThat(card.get("description").asText()).contains("support-bot").contains("2 session(s)");
    assertThat(card.get("provider").get("organization").asText())
        .isEqualTo("Test " + fx.tenant().orgId());
    assertThat(texts(card.get("defaultInputModes"), null)).containsExactly("text/plain");
    assertThat(texts(card.get("skills"), "id")).containsExactly("search");
    assertThat(card.get("capabilities").get("streaming").asBoolean()).isFalse();
    JsonNode ext = card.get("capabilities").get("extensions").get(0);
    assertThat(ext.get("uri").asText()).contains("agentlens");
    assertThat(ext.get("required").asBoolean()).isFalse();
    JsonNode seen = ext.get("params");
    assertThat(seen.get("agentId").asText()).isEqualTo("support-bot");
    assertThat(seen.get("ownerOrg").get("id").asText()).isEqualTo(fx.tenant().orgId());
    assertThat(seen.get("sessionCount").asLong()).isEqualTo(2);
    assertThat(seen.get("firstSeenAt").asText()).isLessThan(seen.get("lastSeenAt").asText());
    JsonNode model = seen.get("models").get(0);
    assertThat(model.get("provider").asText()).isEqualTo("openai");
    assertThat(model.get("model").asText()).isEqualTo("gpt-4o");
    assertThat(model.get("calls").asLong()).isEqualTo(2);
    assertThat(seen.get("tools").get(0).get("name").asText()).isEqualTo("search");
    assertThat(seen.get("tools").get(0).get("calls").asLong()).isEqualTo(2);
    assertThat(seen.get("toolsTruncated").asBoolean()).isFalse();
    assertThat(seen.get("health").get("sessionCount").asLong()).isEqualTo(2);
    assertThat(seen.get("health").get("overallScore").asDouble()).isBetween(0.0, 100.0);
    assertThat(seen.get("guardrails")).isEmpty();
    assertThat(seen.get("guardrailsStatus").asText()).isEqualTo("not available");
    Api.Reply viaSession =
        SessionGet.get(stack.url(), "/api/agents/support-bot/card", fx.sessionCookie());
    assertThat(viaSession.status()).isEqualTo(200);
    assertThat(viaSession.json().get("name").asText()).isEqualTo("Support Bot");
  }

  @Test
  void allCardsComeAsOneDocumentAndOtherOrgsAgentsAre404() {
    Api.Reply all = api.get("/api/agents/cards", fx.tenant().key());
    assertThat(all.status()).as(all.raw()).isEqualTo(200);
    assertThat(all.json().get("schemaVersion").asText()).isEqualTo("1.0");
    assertThat(all.json().get("orgId").asText()).isEqualTo(fx.tenant().orgId());
    assertThat(all.json().get("count").asInt()).isEqualTo(1);
    assertThat(all.json().get("cards").get(0).get("name").asText()).isEqualTo("Support Bot");
    for (String path : List.of("/api/agents/support-bot/card", "/api/agents/nobody/card")) {
      Api.Reply r = api.get(path, other.key());
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.json().get("error").asText()).isEqualTo("Agent not found");
      assertThat(r.json().get("status").asInt()).isEqualTo(404);
    }
    Api.Reply none = api.get("/api/agents/cards", other.key());
    assertThat(none.json().get("count").asInt()).isZero();
    assertThat(none.json().get("cards")).isEmpty();
    assertThat(api.get("/api/agents/cards", null).status()).isEqualTo(401);
    assertThat(api.get("/api/agents/support-bot/card", null).status()).isEqualTo(401);
  }
}
