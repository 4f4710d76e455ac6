package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.api.Accounts.Person;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of every management route (another org's session and keys get 403 or 404, never
 * data), API keys kept out of management, org switching, ownership transfer, org deletion, profile,
 * personal data export and account deletion — on both launchers.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test} that starts
 * itself ({@link TestStack}).
 */
public abstract class OrgLifecycleContract extends AccountStack {

  /** Every management route of one org, with ids of things inside it. */
  static List<String[]> routes(String org, String keyId, String userId, String invitationId) {
    String b = "/api/orgs/" + org;
    return List.of(
        new String[] {"GET", b, null},
        new String[] {"GET", b + "/settings", null},
        new String[] {"PUT", b + "/settings", "{\"promptMasking\":true}"},
        new String[] {"GET", b + "/members", null},
        new String[] {"PATCH", b + "/members/" + userId, "{\"role\":\"viewer\"}"},
        new String[] {"DELETE", b + "/members/" + userId, null},
        new String[] {
          "POST", b + "/invitations", "{\"email\":\"x@example.com\",\"role\":\"member\"}"
        },
        new String[] {"GET", b + "/invitations", null},
        new String[] {"DELETE", b + "/invitations/" + invitationId, null},
        new String[] {"GET", b + "/keys", null},
        new String[] {"POST", b + "/keys", "{\"name\":\"stolen\"}"},
        new String[] {"DELETE", b + "/keys/" + keyId, null},
        new String[] {"GET", b + "/audit", null},
        new String[] {"GET", "/v1/audit/export?from=2020-01-01&to=2100-01-01&orgId=" + org, null},
        new String[] {"POST", b + "/transfer", "{\"userId\":\"" + userId + "\"}"},
        new String[] {"DELETE", b, null},
        new String[] {"PUT", "/api/me/current-org", "{\"orgId\":\"" + org + "\"}"});
  }

  @Test
  void anotherOrgsSessionAndKeysGetNoDataFromAnyManagementRoute() {
    OrgOf victim = accounts.org("Victim Corp");
    Person member = accounts.signedIn("vmember");
    accounts.join(victim.id(), victim.owner(), member, "admin");
    JsonNode key = accounts.key(victim.id(), victim.owner());
    String invitation =
        victim
            .owner()
            .browser()
            .post(
                "/api/orgs/" + victim.id() + "/invitations",
                Map.of("email", Accounts.email("pending"), "role", "viewer"))
            .json()
            .get("id")
            .asText();
    OrgOf attacker = accounts.org("Attacker Inc");
    String attackerKey = accounts.key(attacker.id(), attacker.owner()).get("key").asText();

    for (String[] r : routes(victim.id(), key.get("id").asText(), member.userId(), invitation)) {
      Api.Reply bySession = attacker.owner().browser().send(r[0], r[1], r[2]);
      assertThat(bySession.status()).as("session " + r[0] + " " + r[1]).isIn(403, 404);
      assertThat(bySession.raw())
          .doesNotContain("Victim Corp", victim.owner().email(), key.get("prefix").asText());
      Api.Reply byKey = new Browser(stack.url()).withBearer(attackerKey).send(r[0], r[1], r[2]);
      assertThat(byKey.status()).as("key " + r[0] + " " + r[1]).isIn(401, 403, 404);
      assertThat(byKey.raw()).doesNotContain("Victim Corp", key.get("prefix").asText());
    }
    // nothing changed in the victim org
    JsonNode members = victim.owner().browser().get("/api/orgs/" + victim.id() + "/members").json();
    assertThat(members.get("members")).hasSize(2);
    JsonNode keys = victim.owner().browser().get("/api/orgs/" + victim.id() + "/keys").json();
    assertThat(keys.get("keys").get(0).hasNonNull("revokedAt")).isFalse();
    assertThat(
            attacker
                .owner()
                .browser()
                .delete("/api/orgs/" + attacker.id() + "/keys/" + key.get("id").asText())
                .status())
        .as("a victim key id under the attacker's own org")
        .isEqualTo(404);
  }

  @Test
  void apiKeysCannotManageTheirOwnOrgAndTheAttemptIsAudited() {
    OrgOf o = accounts.org("Keyed");
    JsonNode key = accounts.key(o.id(), o.owner());
    Browser bot = new Browser(stack.url()).withBearer(key.get("key").asText());
    Api.Reply r = bot.post("/api/orgs/" + o.id() + "/keys", Map.of("name", "more"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("error").asText()).contains("API keys cannot manage");
    assertThat(bot.get("/api/orgs/" + o.id() + "/members").status()).isEqualTo(403);
    String log = o.owner().browser().get("/api/orgs/" + o.id() + "/audit").raw();
    assertThat(log).contains("permission.denied").contains(key.get("prefix").asText());
  }

  @Test
  void retentionAboveThePlansCapIsRefusedNamingTheCap() {
    OrgOf o = accounts.org("Retained");
    String base = "/api/orgs/" + o.id() + "/settings";
    String plan = o.owner().browser().get("/api/orgs/" + o.id()).json().get("plan").asText();
    int cap = Tiers.of(Plan.fromWireName(plan).orElseThrow()).retentionDays();
    Api.Reply over = o.owner().browser().put(base, Map.of("retentionDays", cap + 1));
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().get("error").asText()).contains(Integer.toString(cap));
    assertThat(o.owner().browser().put(base, Map.of("retentionDays", cap)).status()).isEqualTo(200);
    assertThat(o.owner().browser().get(base).json().get("retentionDays").asInt()).isEqualTo(cap);
  }

  @Test
  void aNullRedactionRuleIsABadRequestNotAServerError() {
    OrgOf o = accounts.org("Nulls");
    String base = "/api/orgs/" + o.id() + "/settings";
    // why: found by FuzzApiContract — List.copyOf refused the null and answered 500
    Api.Reply r = o.owner().browser().send("PUT", base, "{\"redactionRules\":[null]}");
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).contains("redactionRules");
    assertThat(o.owner().browser().get(base).json().get("redactionRules")).isEmpty();
  }

  @Test
  void aUserInTwoOrgsSwitchesBetweenThemAndSeesEachOnlyThere() {
    OrgOf a = accounts.org("Alpha");
    OrgOf b = accounts.org("Beta");
    Person both = accounts.signedIn("both");
    accounts.join(a.id(), a.owner(), both, "member");
    accounts.join(b.id(), b.owner(), both, "viewer");
    JsonNode me = both.browser().get("/api/me").json();
    assertThat(me.get("orgs").findValuesAsText("id")).containsExactly(a.id(), b.id());
    assertThat(both.browser().put("/api/me/current-org", Map.of("orgId", b.id())).status())
        .isEqualTo(200);
    assertThat(both.browser().get("/api/me").json().get("currentOrgId").asText()).isEqualTo(b.id());
    OrgOf other = accounts.org("Gamma");
    assertThat(both.browser().put("/api/me/current-org", Map.of("orgId", other.id())).status())
        .isEqualTo(404);
  }

  @Test
  void ownershipMovesToAnAdminOnlyAndTheOwnerCannotBeRemoved() {
    OrgOf o = accounts.org("Handover");
    Person admin = accounts.signedIn("heir");
    Person member = accounts.signedIn("plain");
    accounts.join(o.id(), o.owner(), admin, "admin");
    accounts.join(o.id(), o.owner(), member, "member");
    String base = "/api/orgs/" + o.id();
    assertThat(
            o.owner()
                .browser()
                .post(base + "/transfer", Map.of("userId", member.userId()))
                .status())
        .isEqualTo(400);
    assertThat(admin.browser().delete(base + "/members/" + o.owner().userId()).status())
        .isEqualTo(400);
    assertThat(
            o.owner().browser().post(base + "/transfer", Map.of("userId", admin.userId())).status())
        .isEqualTo(204);
    JsonNode members = admin.browser().get(base + "/members").json().get("members");
    for (JsonNode m : members) {
      if (m.get("userId").asText().equals(admin.userId())) {
        assertThat(m.get("role").asText()).isEqualTo("owner");
      }
      if (m.get("userId").asText().equals(o.owner().userId())) {
        assertThat(m.get("role").asText()).isEqualTo("admin");
      }
    }
    assertThat(
            admin
                .browser()
                .patch(base + "/members/" + member.userId(), Map.of("role", "admin"))
                .status())
        .isEqualTo(204);
  }

  @Test
  void deletingAnOrgPurgesItsKeysAndMembershipsButKeepsItsAuditLog() throws Exception {
    OrgOf o = accounts.org("Doomed");
    Person m = accounts.signedIn("doomedmember");
    accounts.join(o.id(), o.owner(), m, "member");
    String secret = accounts.key(o.id(), o.owner()).get("key").asText();
    Api api = new Api(stack.url());
    assertThat(api.get("/api/sessions", secret).status()).isEqualTo(200);
    assertThat(o.owner().browser().delete("/api/orgs/" + o.id()).status()).isEqualTo(204);
    assertThat(
            api.await("/api/sessions", secret, r -> r.status() == 401, Duration.ofSeconds(5))
                .status())
        .isEqualTo(401);
    assertThat(m.browser().get("/api/me").json().get("orgs")).isEmpty();
    assertThat(o.owner().browser().get("/api/orgs/" + o.id()).status()).isEqualTo(404);
  }

  @Test
  void profileUpdateExportAndAccountDeletion() {
    OrgOf o = accounts.org("Personal");
    Person leaver = accounts.signedIn("leaver");
    accounts.join(o.id(), o.owner(), leaver, "member");
    Api.Reply updated = leaver.browser().patch("/api/me", Map.of("displayName", "Leaving Soon"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("displayName").asText()).isEqualTo("Leaving Soon");

    Api.Reply export = leaver.browser().get("/api/me/export");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.json().get("user").get("email").asText()).isEqualTo(leaver.email());
    assertThat(export.raw()).doesNotContain("passwordHash").doesNotContain("$2");
    assertThat(export.json().get("memberships").findValuesAsText("orgId")).contains(o.id());

    assertThat(o.owner().browser().delete("/api/me").status())
        .as("an Owner must hand over first")
        .isEqualTo(409);
    assertThat(leaver.browser().delete("/api/me").status()).isEqualTo(204);
    assertThat(leaver.browser().get("/api/me").status()).isEqualTo(401);
    assertThat(
            new Browser(stack.url())
                .post(
                    "/api/auth/login",
                    Map.of("email", leaver.email(), "password", Accounts.PASSWORD))
                .status())
        .isEqualTo(401);
    String log = o.owner().browser().get("/api/orgs/" + o.id() + "/audit?limit=1000").raw();
    assertThat(log).doesNotContain(leaver.userId()).contains("anonymized");
    assertThat(o.owner().browser().get("/api/orgs/" + o.id() + "/members").json().get("members"))
        .hasSize(1);
  }
}
