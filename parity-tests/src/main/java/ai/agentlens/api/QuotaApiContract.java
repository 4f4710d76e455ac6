package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.api.Accounts.Person;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.quota.QuotaWarnings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quotas on a launcher whose quotas are scaled down by {@link #DIVISOR} (Free 50, Pro 2,500; the
 * property {@code agentlens.billing.quota-divisor} is for tests and operations only): Free stops at
 * exactly its quota with a 402 naming it; Pro runs into overage up to its cap (default 2×, then the
 * Owner's) and then answers 402 naming the cap; the Owner alone sets the cap, bad input is 400
 * naming the field, and the change is audited; at 80 % every dashboard page shows the banner and
 * the Owners and Admins get exactly one mail for the period, however many requests follow; at 100 %
 * the Free banner explains the cut-off and links to {@code /billing}; {@code GET /api/usage} and
 * {@code /usage} show the period to every member and nothing of another org.
 */
public abstract class QuotaApiContract extends QuotaApiSupport {

  /** Quotas are divided by this on the launcher under test. */
  public static final int DIVISOR = 200;

  /**
   * Adds the scaled quota to a launcher's test properties.
   *
   * @param extra the properties the suite asks for
   * @return them plus {@code agentlens.billing.quota-divisor}
   */
  public static Map<String, Object> scaled(Map<String, Object> extra) {
    Map<String, Object> p = new HashMap<>(extra);
    p.put("agentlens.billing.quota-divisor", DIVISOR);
    return p;
  }

  @Test
  void freeStopsAtExactlyItsQuotaWarnsOnceAndExplainsTheCutOff() throws Exception {
    OrgOf org = accounts.org("Free quota");
    Person admin = accounts.signedIn("admin");
    accounts.join(org.id(), org.owner(), admin, "admin");
    Person viewer = accounts.signedIn("viewer");
    accounts.join(org.id(), org.owner(), viewer, "viewer");
    plan(org.id(), Plan.FREE);
    String key = key(accounts.key(org.id(), org.owner()));
    int ownerMails = mail.count(org.owner().email());
    int adminMails = mail.count(admin.email());
    int viewerMails = mail.count(viewer.email());

    assertThat(ingest(key, "bot", 39).status()).isEqualTo(202);
    assertThat(viewer.browser().get("/sessions").raw()).doesNotContain("of this month's quota");
    assertThat(ingest(key, "bot", 1).status()).as("80 %% of 50").isEqualTo(202);
    assertThat(mail.await(org.owner().email(), "monthly event quota", ownerMails))
        .contains("40 of the 50 events")
        .contains("/usage");
    mail.await(admin.email(), "monthly event quota", adminMails);
    String page = viewer.browser().get("/sessions").raw();
    assertThat(page).contains("80 % of this month's quota used.").contains("href=\"/usage\"");

    for (int i = 0; i < 10; i++) {
      assertThat(ingest(key, "bot", 1).status()).isEqualTo(202);
    }
    Api.Reply refused = ingest(key, "bot", 1);
    assertThat(refused.status()).as(refused.raw()).isEqualTo(402);
    assertThat(refused.json().get("error").asText())
        .startsWith("Monthly event quota of 50 reached for the free plan");
    assertThat(ingest(key, "bot", 1).status()).isEqualTo(402);

    String cutOff = viewer.browser().get("/usage").raw();
    assertThat(cutOff)
        .contains("Monthly quota reached: new events are refused until the next period.")
        .contains("href=\"/billing\"");
    // the warning period is claimed in storage: another call (a restart, another instance) sends
    // nothing
    YearMonth month = YearMonth.from(stack.bean(Clock.class).now().atOffset(ZoneOffset.UTC));
    assertThat(stack.bean(QuotaWarnings.class).warn(org.id(), Plan.FREE, month, 50, 50)).isZero();
    Thread.sleep(1_000);
    assertThat(mail.count(org.owner().email())).isEqualTo(ownerMails + 1);
    assertThat(mail.count(admin.email())).isEqualTo(adminMails + 1);
    assertThat(mail.count(viewer.email())).as("viewers get no mail").isEqualTo(viewerMails);
  }

  @Test
  void proRunsIntoOverageUpToTheCapThe402NamesIt() throws Exception {
    OrgOf org = accounts.org("Pro overage");
    plan(org.id(), Plan.PRO);
    String key = key(accounts.key(org.id(), org.owner()));
    seed(org.id(), 2_400);
    assertThat(ingest(key, "bot", 100).status()).as("quota 2,500 reached").isEqualTo(202);
    for (int i = 0; i < 25; i++) {
      Api.Reply r = ingest(key, i % 2 == 0 ? "bot" : "helper", 100);
      assertThat(r.status()).as("overage up to the default cap: " + r.raw()).isEqualTo(202);
    }
    Api.Reply capped = ingest(key, "bot", 1);
    assertThat(capped.status()).isEqualTo(402);
    assertThat(capped.json().get("error").asText())
        .startsWith("Overage cap of 5,000 events reached for this month (quota 2,500 on the pro");

    Api.Reply set = org.owner().browser().put("/api/billing/overage-cap", Map.of("events", 5_300));
    assertThat(set.status()).as(set.raw()).isEqualTo(200);
    assertThat(set.json().get("overageCap").get("events").asLong()).isEqualTo(5_300);
    for (int i = 0; i < 3; i++) {
      assertThat(ingest(key, "bot", 100).status()).isEqualTo(202);
    }
    Api.Reply again = ingest(key, "bot", 1);
    assertThat(again.status()).isEqualTo(402);
    assertThat(again.json().get("error").asText()).startsWith("Overage cap of 5,300 events");

    JsonNode usage = stored(key, 5_300);
    assertThat(usage.get("plan").asText()).isEqualTo("pro");
    assertThat(usage.get("used").asLong()).isEqualTo(5_300);
    assertThat(usage.get("quota").asLong()).isEqualTo(2_500);
    assertThat(usage.get("remaining").asLong()).isZero();
    assertThat(usage.get("capEvents").asLong()).isEqualTo(5_300);
    assertThat(usage.get("cost").get("baseUsd").decimalValue()).isEqualByComparingTo("29");
    assertThat(usage.get("cost").get("overageEvents").asLong()).isEqualTo(2_800);
    assertThat(usage.get("cost").get("overageUsd").decimalValue()).isEqualByComparingTo("0.28");
    long daily = 0;
    for (JsonNode d : usage.get("daily")) {
      daily += d.get("events").asLong();
    }
    assertThat(daily).isEqualTo(5_300);
    assertThat(usage.get("projected").asLong()).isGreaterThanOrEqualTo(5_300);
    Map<String, Long> agents = new HashMap<>();
    usage
        .get("agents")
        .forEach(a -> agents.put(a.get("agentId").asText(), a.get("events").asLong()));
    assertThat(agents).containsEntry("agent-seed", 2_400L).containsEntry("helper", 1_200L);
    assertThat(agents.get("bot")).isEqualTo(1_700L);

    String page = org.owner().browser().get("/usage").raw();
    assertThat(page)
        .contains("id=\"usage-chart\"")
        .contains("5,300")
        .contains("$29.00")
        .contains("id=\"cap-form\"");
    List<String> actions = new ArrayList<>();
    stack.bean(AuditLog.class).list(org.id(), null, 100).forEach(e -> actions.add(e.action()));
    assertThat(actions).contains("billing.overage_cap_change");
  }

  @Test
  void onlyTheOwnerSetsTheCapAndBadInputIs400NamingTheField() {
    OrgOf org = accounts.org("Cap rules");
    plan(org.id(), Plan.PRO);
    Person admin = accounts.signedIn("capadmin");
    accounts.join(org.id(), org.owner(), admin, "admin");
    Browser owner = org.owner().browser();
    Map<Object, String> bad = new HashMap<>();
    bad.put(Map.of(), "multiplier or events");
    bad.put(Map.of("multiplier", "three"), "multiplier");
    bad.put(Map.of("multiplier", 0), "multiplier");
    bad.put(Map.of("multiplier", 101), "multiplier");
    bad.put(Map.of("multiplier", 2.5), "multiplier");
    bad.put(Map.of("events", 10), "events");
    bad.put(Map.of("multiplier", 2, "events", 6_000), "multiplier and events");
    bad.put(Map.of("cap", 2), "cap");
    bad.put("[1]", "body");
    bad.put("{", "body");
    bad.forEach(
        (body, field) -> {
          Api.Reply r = owner.put("/api/billing/overage-cap", body);
          assertThat(r.status()).as(body + " " + r.raw()).isEqualTo(400);
          assertThat(r.json().get("error").asText()).as(body.toString()).contains(field);
        });
    Api.Reply byAdmin = admin.browser().put("/api/billing/overage-cap", Map.of("multiplier", 3));
    assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(403);
    OrgOf other = accounts.org("Other cap org");
    plan(other.id(), Plan.PRO);
    Api.Reply foreign =
        other
            .owner()
            .browser()
            .put("/api/billing/overage-cap", Map.of("multiplier", 3, "orgId", org.id()));
    assertThat(foreign.status()).as("another org's owner").isEqualTo(404);
    Api.Reply anonymous =
        new Browser(stack.url()).put("/api/billing/overage-cap", Map.of("multiplier", 3));
    assertThat(anonymous.status()).isEqualTo(401);
    Api.Reply ok = owner.put("/api/billing/overage-cap", Map.of("multiplier", 3));
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
    assertThat(owner.get("/api/usage").json().get("capEvents").asLong()).isEqualTo(7_500);
    assertThat(other.owner().browser().get("/api/usage").json().get("capEvents").asLong())
        .as("another org keeps its own default")
        .isEqualTo(5_000);
    plan(org.id(), Plan.FREE);
    Api.Reply free = owner.put("/api/billing/overage-cap", Map.of("multiplier", 3));
    assertThat(free.status()).isEqualTo(402);
    assertThat(free.json().get("error").asText()).contains("free plan has no overage");
    // why: withoutCsrf drops the token from this browser for good, so it comes last
    Api.Reply noCsrf =
        org.owner()
            .browser()
            .withoutCsrf()
            .put("/api/billing/overage-cap", Map.of("multiplier", 3));
    assertThat(noCsrf.status()).isEqualTo(403);
  }

  @Test
  void usageIsReadableByEveryMemberAndShowsNothingOfAnotherOrg() throws Exception {
    OrgOf a = accounts.org("Usage A");
    OrgOf b = accounts.org("Usage B");
    Person viewer = accounts.signedIn("usageviewer");
    accounts.join(a.id(), a.owner(), viewer, "viewer");
    plan(a.id(), Plan.PRO);
    plan(b.id(), Plan.PRO);
    String keyA = key(accounts.key(a.id(), a.owner()));
    String keyB = key(accounts.key(b.id(), b.owner()));
    assertThat(ingest(keyA, "secret-agent-a", 7).status()).isEqualTo(202);
    assertThat(ingest(keyB, "agent-b", 3).status()).isEqualTo(202);
    stored(keyA, 7);
    stored(keyB, 3);
    JsonNode mine = viewer.browser().get("/api/usage").json();
    assertThat(mine.get("used").asLong()).isEqualTo(7);
    assertThat(mine.get("remaining").asLong()).isEqualTo(2_493);
    JsonNode theirs = new Api(stack.url()).get("/api/usage", keyB).json();
    assertThat(theirs.get("used").asLong()).isEqualTo(3);
    assertThat(theirs.toString()).doesNotContain("secret-agent-a");
    String page = b.owner().browser().get("/usage").raw();
    assertThat(page).doesNotContain("secret-agent-a").contains("agent-b");
    assertThat(viewer.browser().get("/usage").raw())
        .contains("secret-agent-a")
        .doesNotContain("id=\"cap-form\"");
    assertThat(new Api(stack.url()).get("/api/usage", null).status()).isEqualTo(401);
  }
}
