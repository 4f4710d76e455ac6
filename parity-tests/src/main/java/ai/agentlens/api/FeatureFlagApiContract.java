package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Feature flags on both launchers, enforced by one filter by path prefix: a plan without a feature
 * answers 402 naming the plan that unlocks it, with a JSON error on its API routes and a page on
 * its dashboard page; an org's override beats the plan both ways; the operator's deployment-wide
 * switch-off beats everything; other orgs are unaffected; requests without credentials still get
 * 401.
 */
public abstract class FeatureFlagApiContract extends LauncherApiSuite {

  private static final List<String> COMPLIANCE_ROUTES =
      List.of("/api/compliance/report", "/api/agents/cards", "/api/agents/any/card");

  private FeatureGate gate() {
    return stack.bean(FeatureGate.class);
  }

  private static void refused(Api.Reply r, String feature, String why) {
    // why: a plan without the feature is 402 naming the plan that unlocks it; an operator's 403
    int expected = why.contains("plan") ? 402 : 403;
    assertThat(r.status()).as(r.raw()).isEqualTo(expected);
    assertThat(r.json().get("status").asInt()).isEqualTo(expected);
    assertThat(r.json().get("error").asText())
        .contains("feature '" + feature + "' is not enabled for this org")
        .contains(why);
  }

  @Test
  void aPlanWithoutComplianceIs403AndAnOverrideBeatsThePlan() {
    Tenant pro = tenants.create(Plan.PRO, null);
    for (String path : COMPLIANCE_ROUTES) {
      refused(
          api.get(path, pro.key()),
          "compliance",
          "not included in this org's plan; the team plan unlocks it");
    }
    gate().override(pro.orgId(), Feature.COMPLIANCE, true);
    assertThat(api.get("/api/compliance/report", pro.key()).status()).isEqualTo(200);
    assertThat(api.get("/api/agents/cards", pro.key()).status()).isEqualTo(200);
    assertThat(api.get("/api/agents/any/card", pro.key()).status()).isEqualTo(404);
    gate().override(pro.orgId(), Feature.COMPLIANCE, null);
    refused(api.get("/api/compliance/report", pro.key()), "compliance", "plan");
  }

  @Test
  void disablingAnalyticsForOneOrgIs403ThereOnlyAndEnablingRestoresIt() {
    Tenant team = tenants.create(Plan.TEAM, null);
    Tenant neighbour = tenants.create(Plan.TEAM, null);
    assertThat(api.get("/api/analytics/llm", team.key()).status()).isEqualTo(200);
    gate().override(team.orgId(), Feature.ANALYTICS, false);
    refused(
        api.get("/api/analytics/llm", team.key()),
        "analytics",
        "switched off for this org by an operator");
    refused(api.get("/api/analytics/anything-added-later", team.key()), "analytics", "operator");
    assertThat(api.get("/api/analytics/llm", neighbour.key()).status()).isEqualTo(200);
    assertThat(api.get("/api/compliance/report", team.key()).status()).isEqualTo(200);
    assertThat(api.get("/api/sessions", team.key()).status()).isEqualTo(200);
    assertThat(api.get("/api/analytics/llm", null).status())
        .as("no credentials: the route's own 401")
        .isEqualTo(401);
    gate().override(team.orgId(), Feature.ANALYTICS, true);
    assertThat(api.get("/api/analytics/llm", team.key()).status()).isEqualTo(200);
  }

  @Test
  void theDashboardShowsA403PageForASwitchedOffSection() {
    Tenant pro = tenants.create(Plan.PRO, null);
    String cookie = signedInMember(pro.orgId());
    Api.Reply page = SessionGet.get(stack.url(), "/compliance", cookie);
    assertThat(page.status()).isEqualTo(402);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.raw())
        .contains("Feature switched off")
        .contains("It is not part of this org's plan. The team plan unlocks it.")
        .contains("data-feature=\"compliance\"");
    assertThat(SessionGet.get(stack.url(), "/analytics", cookie).status()).isEqualTo(200);
    gate().override(pro.orgId(), Feature.ANALYTICS, false);
    Api.Reply analytics = SessionGet.get(stack.url(), "/analytics", cookie);
    assertThat(analytics.status()).isEqualTo(403);
    assertThat(analytics.raw()).contains("An operator has switched it off for this org.");
    Api.Reply json = SessionGet.get(stack.url(), "/api/compliance/report", cookie);
    refused(json, "compliance", "plan");
  }

  private String signedInMember(String orgId) {
    String id = "usr_" + UUID.randomUUID().toString().replace("-", "");
    var now = stack.bean(Clock.class).now();
    stack
        .bean(UserStore.class)
        .create(new User(id, id + "@example.com", "M", null, null, true, now));
    stack.bean(MembershipStore.class).add(new Membership(orgId, id, Role.MEMBER, now));
    return stack.bean(LoginSessions.class).start(id).cookieValue();
  }

  @Test
  void theOperatorsSwitchOffBeatsPlansAndOverrides() {
    try (TestStack off = start(Map.of("agentlens.features.disabled", "analytics"))) {
      Tenants t = new Tenants(off);
      Api a = new Api(off.url());
      Tenant ent = t.create(Plan.ENTERPRISE, null);
      refused(a.get("/api/analytics/llm", ent.key()), "analytics", "switched off by the operator");
      off.bean(FeatureGate.class).override(ent.orgId(), Feature.ANALYTICS, true);
      refused(a.get("/api/analytics/llm", ent.key()), "analytics", "operator for every org");
      assertThat(a.get("/api/compliance/report", ent.key()).status()).isEqualTo(200);
    }
  }

  @Test
  void stateIsReportedPerOrgWithTheRuleThatDecided() {
    Tenant free = tenants.create(Plan.FREE, null);
    var states = gate().list(free.orgId()).orElseThrow();
    assertThat(states).hasSize(Feature.values().length);
    assertThat(states.get(0).enabled()).isTrue();
    assertThat(states.get(1).enabled()).isFalse();
    assertThat(states.get(1).source().wireName()).isEqualTo("plan");
    assertThat(gate().list("no-such-org")).isEmpty();
  }
}
