package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.Person;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cost budgets (reference §4.3.11) on both launchers: CRUD by API key and by an Owner's session,
 * 403 for a Member or Viewer changing one, 400 naming the field, 404 for another org, 401 without
 * credentials; the status math against ingested spend; the once-a-minute check (here every 300 ms)
 * recording each breach once per period, with the action result and an audit entry; the spend
 * anomaly.
 *
 * <p>Spend of agent {@code spender} today: $1.25 + $2.50 = $3.75 in session {@code s-spend} (still
 * open); three days ago $0.70, so the previous 7 days' daily mean is $0.10.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CostBudgetApiContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private static final String PATH = "/api/cost-budgets";

  private TestStack stack;
  private Mailbox mail;
  private Api api;
  private Accounts accounts;
  private Person owner;
  private Person member;
  private Person viewer;
  private String orgId;
  private String key;
  private Tenant other;

  @BeforeAll
  void startStack() throws InterruptedException {
    mail = new Mailbox();
    Map<String, Object> props = new HashMap<>(AccountStack.testProperties(mail.port()));
    // why: spend is measured against the wall clock's UTC day; the shared mutable clock may be
    // moved
    props.remove("agentlens.test.clock");
    props.put("agentlens.cost-budgets.check.interval", "300ms");
    props.put("agentlens.cost-budgets.check.initial-delay", "100ms");
    stack = start(props);
    api = new Api(stack.url());
    accounts = new Accounts(stack, mail);
    owner = accounts.signedIn("owner");
    member = accounts.signedIn("member");
    viewer = accounts.signedIn("viewer");
    orgId = accounts.createOrg(owner, "Budgets");
    accounts.join(orgId, owner, member, "member");
    accounts.join(orgId, owner, viewer, "viewer");
    Tenants tenants = new Tenants(stack);
    key = tenants.addKey(orgId, null);
    other = tenants.create(Plan.PRO, null);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant at = now.minusSeconds(5).isBefore(today) ? today : now.minusSeconds(5);
    new CostEvents(api, key)
        .pair("s-spend", "spender", "gpt-4o", 100, 10, "stop", 1.25, at)
        .pair("s-spend", "spender", "gpt-4o", 100, 10, "stop", 2.5, at)
        .pair("s-old", "spender", "gpt-4o", 100, 10, "stop", 0.7, today.minus(Duration.ofDays(3)))
        .send();
    // the events are stored once an agent-wide budget sees all of today's spend
    String probe =
        create(
                key,
                "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"daily\","
                    + "\"limitUsd\":1000,\"enabled\":false}")
            .get("id")
            .asText();
    Api.Reply s =
        api.await(
            PATH + "/" + probe + "/status",
            key,
            r -> r.status() == 200 && r.json().get("currentSpend").asDouble() == 3.75,
            Duration.ofSeconds(30));
    assertThat(s.json().get("currentSpend").asDouble()).as(s.raw()).isEqualTo(3.75);
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
    mail.close();
  }

  private Browser bearer(String k) {
    return new Browser(stack.url()).withBearer(k);
  }

  private JsonNode create(String k, String body) {
    Api.Reply r = bearer(k).post(PATH, body);
    assertThat(r.status()).as(body + " → " + r.raw()).isEqualTo(201);
    return r.json();
  }

  private List<String> auditActions(String targetId) {
    Api.Reply r =
        owner
            .browser()
            .get("/api/orgs/" + orgId + "/audit?targetType=cost_budget&targetId=" + targetId);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().get("entries").forEach(e -> out.add(e.get("action").asText()));
    return out;
  }

  @Test
  void crudByApiKeyIsAudited() {
    JsonNode b =
        create(
            key,
            "{\"scope\":\"agent\",\"agentId\":\"bot-1\",\"period\":\"weekly\",\"limitUsd\":25.5,"
                + "\"onBreach\":\"pause_agent\",\"anomalyMultiplier\":3}");
    String id = b.get("id").asText();
    assertThat(b.get("scope").asText()).isEqualTo("agent");
    assertThat(b.get("agentId").asText()).isEqualTo("bot-1");
    assertThat(b.get("period").asText()).isEqualTo("weekly");
    assertThat(b.get("limitUsd").asDouble()).isEqualTo(25.5);
    assertThat(b.get("onBreach").asText()).isEqualTo("pause_agent");
    assertThat(b.get("anomalyMultiplier").asDouble()).isEqualTo(3.0);
    assertThat(b.get("enabled").asBoolean()).isTrue();
    assertThat(b.get("createdAt").asText()).isNotBlank();

    JsonNode list = api.get(PATH, key).json().get("budgets");
    List<String> ids = new ArrayList<>();
    list.forEach(x -> ids.add(x.get("id").asText()));
    assertThat(ids).contains(id);
    assertThat(api.get(PATH + "/" + id, key).json()).isEqualTo(b);

    Api.Reply put =
        bearer(key)
            .put(PATH + "/" + id, "{\"limitUsd\":10,\"enabled\":false,\"anomalyMultiplier\":null}");
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    assertThat(put.json().get("limitUsd").asDouble()).isEqualTo(10.0);
    assertThat(put.json().get("enabled").asBoolean()).isFalse();
    assertThat(put.json().get("anomalyMultiplier").isNull()).isTrue();
    assertThat(put.json().get("period").asText()).isEqualTo("weekly");
    assertThat(api.get(PATH + "/" + id, key).json().get("limitUsd").asDouble()).isEqualTo(10.0);

    Api.Reply del = bearer(key).delete(PATH + "/" + id);
    assertThat(del.status()).isEqualTo(200);
    assertThat(del.json().get("ok").asBoolean()).isTrue();
    Api.Reply gone = api.get(PATH + "/" + id, key);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("error").asText()).isEqualTo("Cost budget not found");
    assertThat(bearer(key).delete(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(bearer(key).put(PATH + "/" + id, "{\"limitUsd\":1}").status()).isEqualTo(404);
    assertThat(auditActions(id))
        .containsExactlyInAnyOrder(
            "cost_budget.create", "cost_budget.update", "cost_budget.delete");
  }

  @Test
  void badBodiesAre400NamingTheField() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("{}", "scope");
    cases.put("{\"scope\":\"team\",\"period\":\"daily\",\"limitUsd\":1}", "scope");
    cases.put("{\"scope\":\"agent\",\"period\":\"daily\",\"limitUsd\":1}", "agentId");
    cases.put("{\"scope\":\"session\",\"period\":\"yearly\",\"limitUsd\":1}", "period");
    cases.put("{\"scope\":\"session\",\"period\":\"daily\",\"limitUsd\":0}", "limitUsd");
    cases.put("{\"scope\":\"session\",\"period\":\"daily\",\"limitUsd\":-2}", "limitUsd");
    cases.put("{\"scope\":\"session\",\"period\":\"daily\",\"limitUsd\":\"5\"}", "limitUsd");
    cases.put("{\"scope\":\"session\",\"period\":\"daily\"}", "limitUsd");
    cases.put(
        "{\"scope\":\"session\",\"period\":\"daily\",\"limitUsd\":1,\"onBreach\":\"explode\"}",
        "onBreach");
    cases.put(
        "{\"scope\":\"session\",\"period\":\"daily\",\"limitUsd\":1,\"anomalyMultiplier\":1.4}",
        "anomalyMultiplier");
    cases.put(
        "{\"scope\":\"session\",\"period\":\"daily\",\"limitUsd\":1,\"anomalyMultiplier\":20.5}",
        "anomalyMultiplier");
    cases.put(
        "{\"scope\":\"session\",\"period\":\"daily\",\"limitUsd\":1,\"enabled\":\"yes\"}",
        "enabled");
    cases.put("not json", "body");
    cases.put("[1]", "body");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Api.Reply r = bearer(key).post(PATH, c.getKey());
      assertThat(r.status()).as(c.getKey() + " → " + r.raw()).isEqualTo(400);
      assertThat(r.json().get("status").asInt()).isEqualTo(400);
      List<String> paths = new ArrayList<>();
      r.json().get("details").forEach(d -> paths.add(d.get("path").asText()));
      assertThat(paths).as(c.getKey()).contains(c.getValue());
    }
    String id =
        create(key, "{\"scope\":\"session\",\"period\":\"session\",\"limitUsd\":1}")
            .get("id")
            .asText();
    Api.Reply bad = bearer(key).put(PATH + "/" + id, "{\"scope\":\"agent\"}");
    assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
    assertThat(bad.json().get("details").get(0).get("path").asText()).isEqualTo("agentId");
    Api.Reply badLimit = api.get(PATH + "/" + id + "/breaches?limit=0", key);
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().get("details").get(0).get("path").asText()).isEqualTo("limit");
  }

  @Test
  void onlyOwnersAndAdminsChangeBudgetsFromTheDashboard() {
    String body = "{\"scope\":\"agent\",\"agentId\":\"b\",\"period\":\"daily\",\"limitUsd\":2}";
    Api.Reply created = owner.browser().post(PATH, body);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(auditActions(id)).containsExactly("cost_budget.create");
    for (Person p : List.of(member, viewer)) {
      assertThat(p.browser().post(PATH, body).status()).isEqualTo(403);
      assertThat(p.browser().put(PATH + "/" + id, "{\"limitUsd\":3}").status()).isEqualTo(403);
      assertThat(p.browser().delete(PATH + "/" + id).status()).isEqualTo(403);
      // reading is fine
      assertThat(p.browser().get(PATH + "/" + id).status()).isEqualTo(200);
      assertThat(p.browser().get(PATH + "/" + id + "/status").status()).isEqualTo(200);
    }
    Api.Reply put = owner.browser().put(PATH + "/" + id, "{\"limitUsd\":3}");
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    assertThat(api.get(PATH + "/" + id, key).json().get("limitUsd").asDouble()).isEqualTo(3.0);
    // an Admin may too, but not without the session's CSRF token
    Person admin = accounts.signedIn("admin");
    accounts.join(orgId, owner, admin, "admin");
    Api.Reply byAdmin = admin.browser().post(PATH, body);
    assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(201);
    assertThat(admin.browser().withoutCsrf().post(PATH, body).status()).isEqualTo(403);
  }

  @Test
  void withoutCredentials401AndAnotherOrgGets404() {
    assertThat(api.get(PATH, null).status()).isEqualTo(401);
    assertThat(new Browser(stack.url()).post(PATH, "{}").status()).isEqualTo(401);
    String id =
        create(key, "{\"scope\":\"agent\",\"agentId\":\"x\",\"period\":\"daily\",\"limitUsd\":2}")
            .get("id")
            .asText();
    assertThat(api.get(PATH + "/" + id, null).status()).isEqualTo(401);
    for (String p : List.of("", "/status", "/breaches")) {
      Api.Reply r = api.get(PATH + "/" + id + p, other.key());
      assertThat(r.status()).as(p).isEqualTo(404);
    }
    assertThat(bearer(other.key()).put(PATH + "/" + id, "{\"limitUsd\":9}").status())
        .isEqualTo(404);
    assertThat(bearer(other.key()).delete(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(api.get(PATH, other.key()).json().get("budgets")).isEmpty();
    assertThat(api.get(PATH + "/" + id, key).json().get("limitUsd").asDouble()).isEqualTo(2.0);
  }

  @Test
  void statusIsTheSpendOfTheCurrentPeriod() {
    String daily =
        create(
                key,
                "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"daily\",\"limitUsd\":5,"
                    + "\"enabled\":false}")
            .get("id")
            .asText();
    JsonNode s = api.get(PATH + "/" + daily + "/status", key).json();
    assertThat(s.get("budgetId").asText()).isEqualTo(daily);
    assertThat(s.get("currentSpend").asDouble()).isEqualTo(3.75);
    assertThat(s.get("limitUsd").asDouble()).isEqualTo(5.0);
    assertThat(s.get("percent").asDouble()).isEqualTo(75.0);
    assertThat(s.get("breached").asBoolean()).isFalse();
    assertThat(s.get("periodStart").asText())
        .isEqualTo(LocalDate.now(ZoneOffset.UTC) + "T00:00:00.000Z");
    assertThat(s.get("anomaly").isNull()).isTrue();
    // the month holds the three-day-old $0.70 too, unless the month began since
    String monthly =
        create(
                key,
                "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"monthly\","
                    + "\"limitUsd\":3,\"enabled\":false}")
            .get("id")
            .asText();
    JsonNode m = api.get(PATH + "/" + monthly + "/status", key).json();
    double expected = LocalDate.now(ZoneOffset.UTC).getDayOfMonth() > 3 ? 4.45 : 3.75;
    assertThat(m.get("currentSpend").asDouble()).isEqualTo(expected);
    assertThat(m.get("breached").asBoolean()).isTrue();
    assertThat(m.get("percent").asDouble()).isEqualTo(Math.round(expected / 3 * 10000) / 100.0);
    // a session budget measures the most expensive open session
    String session =
        create(
                key,
                "{\"scope\":\"session\",\"period\":\"session\",\"limitUsd\":4,\"enabled\":false}")
            .get("id")
            .asText();
    JsonNode ss = api.get(PATH + "/" + session + "/status", key).json();
    assertThat(ss.get("sessionId").asText()).isEqualTo("s-spend");
    assertThat(ss.get("currentSpend").asDouble()).isEqualTo(3.75);
    assertThat(ss.get("percent").asDouble()).isEqualTo(93.75);
    assertThat(ss.get("periodStart").isNull()).isTrue();
    // an agent without spend
    String idle =
        create(
                key,
                "{\"scope\":\"agent\",\"agentId\":\"idle\",\"period\":\"weekly\",\"limitUsd\":1,"
                    + "\"enabled\":false}")
            .get("id")
            .asText();
    assertThat(api.get(PATH + "/" + idle + "/status", key).json().get("currentSpend").asDouble())
        .isZero();
  }

  private JsonNode awaitBreaches(String id, int n) throws InterruptedException {
    Api.Reply r =
        api.await(
            PATH + "/" + id + "/breaches",
            key,
            x -> x.status() == 200 && x.json().get("breaches").size() >= n,
            Duration.ofSeconds(30));
    assertThat(r.json().get("breaches")).as(r.raw()).hasSize(n);
    return r.json().get("breaches");
  }

  @Test
  void theCheckRecordsABreachOncePerPeriod() throws InterruptedException {
    String alert =
        create(
                key,
                "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"daily\",\"limitUsd\":1}")
            .get("id")
            .asText();
    String pause =
        create(
                key,
                "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"daily\",\"limitUsd\":2,"
                    + "\"onBreach\":\"pause_agent\"}")
            .get("id")
            .asText();
    String under =
        create(
                key,
                "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"daily\",\"limitUsd\":50}")
            .get("id")
            .asText();
    JsonNode a = awaitBreaches(alert, 1).get(0);
    assertThat(a.get("kind").asText()).isEqualTo("limit");
    assertThat(a.get("periodKey").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(a.get("spendUsd").asDouble()).isEqualTo(3.75);
    assertThat(a.get("thresholdUsd").asDouble()).isEqualTo(1.0);
    assertThat(a.get("action").asText()).isEqualTo("alert");
    assertThat(a.get("actionExecuted").asBoolean()).isTrue();
    assertThat(a.get("actionResult").asText()).isEqualTo("alert recorded");
    JsonNode p = awaitBreaches(pause, 1).get(0);
    assertThat(p.get("action").asText()).isEqualTo("pause_agent");
    assertThat(p.get("actionExecuted").asBoolean()).isTrue();
    assertThat(p.get("actionResult").asText()).isEqualTo("paused");
    JsonNode agent = api.get("/api/agents/spender", key).json();
    assertThat(agent.get("pauseReason").asText()).contains(pause);
    assertThat(api.get("/api/agents/spender", other.key()).status()).isEqualTo(404);
    // several more checks run (every 300 ms): still one breach each, none for the budget under
    Thread.sleep(1500);
    assertThat(api.get(PATH + "/" + alert + "/breaches", key).json().get("breaches")).hasSize(1);
    assertThat(api.get(PATH + "/" + pause + "/breaches", key).json().get("breaches")).hasSize(1);
    assertThat(api.get(PATH + "/" + under + "/breaches", key).json().get("breaches")).isEmpty();
    assertThat(auditActions(alert))
        .containsExactlyInAnyOrder("cost_budget.create", "cost_budget.breach");
  }

  @Test
  void aDowngradeBudgetNeedsATargetModelAndSetsTheOverride() throws InterruptedException {
    Api.Reply bad =
        bearer(key)
            .post(
                PATH,
                "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"daily\","
                    + "\"limitUsd\":2,\"onBreach\":\"downgrade_model\"}");
    assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
    assertThat(bad.json().get("details").get(0).get("path").asText()).isEqualTo("targetModel");
    JsonNode made =
        create(
            key,
            "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"daily\",\"limitUsd\":2,"
                + "\"onBreach\":\"downgrade_model\",\"targetModel\":\"gpt-4o-mini\"}");
    assertThat(made.get("targetModel").asText()).isEqualTo("gpt-4o-mini");
    String id = made.get("id").asText();
    JsonNode b = awaitBreaches(id, 1).get(0);
    assertThat(b.get("actionExecuted").asBoolean()).isTrue();
    assertThat(b.get("actionResult").asText()).isEqualTo("model override set to gpt-4o-mini");
    assertThat(api.get("/api/agents/spender", key).json().get("modelOverride").asText())
        .isEqualTo("gpt-4o-mini");
    Api.Reply cleared = bearer(key).put(PATH + "/" + id, "{\"onBreach\":\"alert\"}");
    assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
    assertThat(cleared.json().has("targetModel")).isFalse();
  }

  @Test
  void aSpendAnomalyIsABreachOfItsOwn() throws InterruptedException {
    // mean of the previous 7 days 0.70 / 7 = 0.10; today 3.75 > 20 × 0.10 = 2.00
    String id =
        create(
                key,
                "{\"scope\":\"agent\",\"agentId\":\"spender\",\"period\":\"monthly\","
                    + "\"limitUsd\":1000,\"anomalyMultiplier\":20}")
            .get("id")
            .asText();
    JsonNode s = api.get(PATH + "/" + id + "/status", key).json();
    assertThat(s.get("breached").asBoolean()).isFalse();
    assertThat(s.get("anomaly").get("todaySpend").asDouble()).isEqualTo(3.75);
    assertThat(s.get("anomaly").get("dailyMean").asDouble()).isEqualTo(0.1);
    assertThat(s.get("anomaly").get("multiplier").asDouble()).isEqualTo(20.0);
    assertThat(s.get("anomaly").get("detected").asBoolean()).isTrue();
    JsonNode b = awaitBreaches(id, 1).get(0);
    assertThat(b.get("kind").asText()).isEqualTo("anomaly");
    assertThat(b.get("thresholdUsd").asDouble()).isEqualTo(2.0);
  }
}
