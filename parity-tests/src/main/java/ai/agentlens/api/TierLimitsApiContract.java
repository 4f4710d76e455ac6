package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.api.Accounts.Person;
import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.storage.OrgStore;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tier table's org, member and API-key limits (FR-04, FR-10, FR-19) on a launcher whose new
 * orgs start on Free: for Free, Pro and Team, creating one past the limit answers 402 naming the
 * limit, and the limit changes at once with the plan. The numbers come from {@link Tiers}, the one
 * table.
 */
public abstract class TierLimitsApiContract extends AccountStack {

  /**
   * Makes new orgs start on Free.
   *
   * @param extra the properties the suite asks for
   * @return them with {@code agentlens.orgs.default-plan=free}
   */
  public static Map<String, Object> freeByDefault(Map<String, Object> extra) {
    Map<String, Object> p = new HashMap<>(extra);
    p.put("agentlens.orgs.default-plan", "free");
    return p;
  }

  private void plan(String orgId, Plan plan) {
    stack.bean(OrgStore.class).updatePlan(orgId, plan);
    stack.bean(OrgDirectory.class).invalidate(orgId);
  }

  private static void limited(Api.Reply r, String message) {
    assertThat(r.status()).as(r.raw()).isEqualTo(402);
    assertThat(r.json().get("status").asInt()).isEqualTo(402);
    assertThat(r.json().get("error").asText()).contains(message);
  }

  private Api.Reply newOrg(Person p, int i) {
    return p.browser().post("/api/orgs", Map.of("name", "Org " + i));
  }

  @Test
  void orgsPerOwnerFollowThePlan() {
    OrgOf first = accounts.org("Limits first");
    int owned = 1;
    limited(newOrg(first.owner(), owned), "Your plan allows 1 org(s)");
    for (Plan plan : new Plan[] {Plan.PRO, Plan.TEAM}) {
      plan(first.id(), plan);
      int allowed = Tiers.of(plan).orgs();
      while (owned < allowed) {
        Api.Reply r = newOrg(first.owner(), owned);
        assertThat(r.status()).as(plan + " org " + owned + ": " + r.raw()).isEqualTo(201);
        owned++;
      }
      limited(newOrg(first.owner(), owned), "Your plan allows " + allowed + " org(s)");
    }
  }

  @Test
  void membersPerOrgFollowThePlan() {
    OrgOf org = accounts.org("Limits members");
    Browser owner = org.owner().browser();
    int seats = 1;
    int n = 0;
    for (Plan plan : new Plan[] {Plan.FREE, Plan.PRO}) {
      plan(org.id(), plan);
      int allowed = Tiers.of(plan).members();
      while (seats < allowed) {
        Api.Reply r = invite(owner, org.id(), n++);
        assertThat(r.status()).as(plan + " invite " + seats + ": " + r.raw()).isEqualTo(201);
        seats++;
      }
      limited(invite(owner, org.id(), n++), "Your plan allows " + allowed + " members");
    }
    plan(org.id(), Plan.TEAM);
    assertThat(invite(owner, org.id(), n).status()).as("Team has no member limit").isEqualTo(201);
    OrgOf other = accounts.org("Limits stranger");
    assertThat(invite(other.owner().browser(), org.id(), 99).status())
        .as("another org's owner")
        .isEqualTo(404);
  }

  private static Api.Reply invite(Browser owner, String orgId, int i) {
    return owner.post(
        "/api/orgs/" + orgId + "/invitations",
        Map.of("email", Accounts.email("invitee" + i), "role", "member"));
  }

  @Test
  void activeKeysPerOrgFollowThePlan() {
    OrgOf org = accounts.org("Limits keys");
    Browser owner = org.owner().browser();
    int keys = 0;
    for (Plan plan : new Plan[] {Plan.FREE, Plan.PRO, Plan.TEAM}) {
      plan(org.id(), plan);
      int allowed = Tiers.of(plan).apiKeys();
      while (keys < allowed) {
        Api.Reply r = newKey(owner, org.id());
        assertThat(r.status()).as(plan + " key " + keys + ": " + r.raw()).isEqualTo(201);
        keys++;
      }
      limited(newKey(owner, org.id()), "Your plan allows " + allowed + " active API keys");
    }
  }

  private static Api.Reply newKey(Browser owner, String orgId) {
    return owner.post("/api/orgs/" + orgId + "/keys", Map.of("name", "k", "environment", "live"));
  }
}
