package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.api.Accounts.Person;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Alert rules and history (reference §4.3.9) on both launchers: CRUD with 400s naming the field,
 * 401 without credentials, 403 for Members and Viewers changing rules, 404 for another org's rule,
 * every change audited; the checker (every second here) fires a rule exactly once per window, posts
 * to a real local HTTP server and mails through a real SMTP server (GreenMail), and records failed
 * deliveries on the history row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AlertApiContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Mailbox mail;
  private Accounts accounts;
  private WebhookReceiver hooks;
  private Api api;
  private OrgOf org;
  private String key;
  private String otherKey;

  @BeforeAll
  void startStack() throws Exception {
    mail = new Mailbox();
    hooks = new WebhookReceiver();
    Map<String, Object> p = new HashMap<>(AccountStack.testProperties(mail.port()));
    p.put("agentlens.webhooks.allow-private", true);
    p.put("agentlens.alerts.check.interval", "1s");
    p.put("agentlens.alerts.check.initial-delay", "1s");
    stack = start(p);
    api = new Api(stack.url());
    accounts = new Accounts(stack, mail);
    org = accounts.org("Alerts Org");
    key = accounts.key(org.id(), org.owner()).get("key").asText();
    OrgOf other = accounts.org("Other Org");
    otherKey = accounts.key(other.id(), other.owner()).get("key").asText();
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
    hooks.close();
    mail.close();
  }

  private Api.Reply send(String method, String path, String body) {
    return new Browser(stack.url()).withBearer(key).send(method, path, body);
  }

  private JsonNode created(String body) {
    Api.Reply r = send("POST", "/api/alerts/rules", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.json();
  }

  private static List<String> paths(Api.Reply r) {
    List<String> out = new ArrayList<>();
    r.json().get("details").forEach(d -> out.add(d.get("path").asText()));
    return out;
  }

  @Test
  void rulesAreCreatedReadUpdatedAndDeletedAndEveryChangeIsAudited() {
    JsonNode r =
        created(
            "{\"name\":\"Costly\",\"condition\":\"cost_exceeds\",\"threshold\":2.5,"
                + "\"windowMinutes\":30,\"scope\":{\"agentId\":\"crud-bot\",\"tags\":[\"prod\"]},"
                + "\"notifyChannels\":[\"https://hooks.example.com/a\",\"email:ops@example.com\"]}");
    String id = r.get("id").asText();
    assertThat(r.get("name").asText()).isEqualTo("Costly");
    assertThat(r.get("enabled").asBoolean()).isTrue();
    assertThat(r.get("condition").asText()).isEqualTo("cost_exceeds");
    assertThat(r.get("threshold").asDouble()).isEqualTo(2.5);
    assertThat(r.get("windowMinutes").asInt()).isEqualTo(30);
    assertThat(r.get("scope").get("agentId").asText()).isEqualTo("crud-bot");
    assertThat(r.get("scope").get("tags").get(0).asText()).isEqualTo("prod");
    assertThat(r.get("notifyChannels")).hasSize(2);
    assertThat(r.get("tenantId").asText()).isEqualTo(org.id());
    Api.Reply one = api.get("/api/alerts/rules/" + id, key);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json()).isEqualTo(r);
    assertThat(api.get("/api/alerts/rules", key).json().get("rules").findValuesAsText("id"))
        .contains(id);
    Api.Reply put = send("PUT", "/api/alerts/rules/" + id, "{\"enabled\":false,\"threshold\":3}");
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    assertThat(put.json().get("enabled").asBoolean()).isFalse();
    assertThat(put.json().get("threshold").asDouble()).isEqualTo(3.0);
    assertThat(put.json().get("name").asText()).isEqualTo("Costly");
    assertThat(put.json().get("scope").get("agentId").asText()).isEqualTo("crud-bot");
    Api.Reply del = send("DELETE", "/api/alerts/rules/" + id, null);
    assertThat(del.status()).isEqualTo(200);
    assertThat(del.json().get("ok").asBoolean()).isTrue();
    assertThat(api.get("/api/alerts/rules/" + id, key).status()).isEqualTo(404);
    assertThat(send("DELETE", "/api/alerts/rules/" + id, null).status()).isEqualTo(404);
    String audit =
        org.owner().browser().get("/api/orgs/" + org.id() + "/audit?targetId=" + id).raw();
    assertThat(audit)
        .contains("alert_rule.create")
        .contains("alert_rule.update")
        .contains("alert_rule.delete");
  }

  @Test
  void badBodiesAre400sNamingTheField() {
    Api.Reply empty = send("POST", "/api/alerts/rules", "{}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(paths(empty)).contains("condition", "threshold");
    Api.Reply bogus =
        send(
            "POST",
            "/api/alerts/rules",
            "{\"name\":\"x\",\"condition\":\"bogus\",\"threshold\":\"high\"}");
    assertThat(bogus.status()).isEqualTo(400);
    assertThat(paths(bogus)).containsExactlyInAnyOrder("condition", "threshold");
    Api.Reply values =
        send(
            "POST",
            "/api/alerts/rules",
            "{\"name\":\" \",\"condition\":\"error_rate_exceeds\",\"threshold\":-1,"
                + "\"windowMinutes\":43201,"
                + "\"notifyChannels\":[\"ftp://x.example.com\",\"email:nope\",\"https://ok.example.com\"]}");
    assertThat(values.status()).as(values.raw()).isEqualTo(400);
    assertThat(paths(values))
        .containsExactlyInAnyOrder(
            "name", "threshold", "windowMinutes", "notifyChannels.0", "notifyChannels.1");
    assertThat(send("POST", "/api/alerts/rules", "not json").status()).isEqualTo(400);
    Api.Reply zero =
        send(
            "POST",
            "/api/alerts/rules",
            "{\"name\":\"w\",\"condition\":\"event_count_exceeds\",\"threshold\":1,"
                + "\"windowMinutes\":0}");
    assertThat(paths(zero)).containsExactly("windowMinutes");
    String id =
        created(
                "{\"name\":\"ok\",\"condition\":\"latency_exceeds\",\"threshold\":500,"
                    + "\"enabled\":false}")
            .get("id")
            .asText();
    Api.Reply badPut = send("PUT", "/api/alerts/rules/" + id, "{\"threshold\":-5}");
    assertThat(badPut.status()).isEqualTo(400);
    assertThat(paths(badPut)).containsExactly("threshold");
    assertThat(api.get("/api/alerts/history?limit=0", key).status()).isEqualTo(400);
    assertThat(api.get("/api/alerts/history?offset=-1", key).status()).isEqualTo(400);
  }

  @Test
  void withoutCredentials401AndMembersAndViewersCannotChangeRules() {
    assertThat(api.get("/api/alerts/rules", null).status()).isEqualTo(401);
    assertThat(api.get("/api/alerts/history", null).status()).isEqualTo(401);
    assertThat(api.post("/api/alerts/rules", null, "{}").status()).isEqualTo(401);
    String id =
        created(
                "{\"name\":\"guarded\",\"condition\":\"event_count_exceeds\",\"threshold\":1000,"
                    + "\"enabled\":false}")
            .get("id")
            .asText();
    String body = "{\"name\":\"n\",\"condition\":\"event_count_exceeds\",\"threshold\":1}";
    for (String role : List.of("viewer", "member")) {
      Person p = accounts.signedIn(role);
      accounts.join(org.id(), org.owner(), p, role);
      Browser b = p.browser();
      assertThat(b.get("/api/alerts/rules").status()).isEqualTo(200);
      assertThat(b.get("/api/alerts/rules/" + id).status()).isEqualTo(200);
      assertThat(b.get("/api/alerts/history").status()).isEqualTo(200);
      assertThat(b.post("/api/alerts/rules", body).status()).as(role).isEqualTo(403);
      assertThat(b.put("/api/alerts/rules/" + id, "{\"enabled\":true}").status()).isEqualTo(403);
      assertThat(b.delete("/api/alerts/rules/" + id).status()).isEqualTo(403);
    }
    Person admin = accounts.signedIn("admin");
    accounts.join(org.id(), org.owner(), admin, "admin");
    Api.Reply made =
        admin.browser().post("/api/alerts/rules", body.replace("\"n\"", "\"by admin\""));
    assertThat(made.status()).as(made.raw()).isEqualTo(201);
    assertThat(admin.browser().withoutCsrf().delete("/api/alerts/rules/" + id).status())
        .isEqualTo(403);
    assertThat(org.owner().browser().delete("/api/alerts/rules/" + id).status()).isEqualTo(200);
  }

  @Test
  void anotherOrgsRuleIsNotFound() {
    String id =
        created(
                "{\"name\":\"mine\",\"condition\":\"event_count_exceeds\",\"threshold\":1000,"
                    + "\"enabled\":false}")
            .get("id")
            .asText();
    Browser other = new Browser(stack.url()).withBearer(otherKey);
    assertThat(other.get("/api/alerts/rules/" + id).status()).isEqualTo(404);
    assertThat(other.put("/api/alerts/rules/" + id, "{\"enabled\":true}").status()).isEqualTo(404);
    assertThat(other.delete("/api/alerts/rules/" + id).status()).isEqualTo(404);
    assertThat(other.get("/api/alerts/rules").json().get("rules").findValuesAsText("id"))
        .doesNotContain(id);
    assertThat(other.get("/api/alerts/history?ruleId=" + id).json().get("total").asLong()).isZero();
    assertThat(api.get("/api/alerts/rules/" + id, key).status()).isEqualTo(200);
  }

  private void ingest(String agent, String session) {
    String ev =
        "{\"sessionId\":\""
            + session
            + "\",\"agentId\":\""
            + agent
            + "\",\"eventType\":\"custom\",\"timestamp\":\""
            + TestClock.current()
            + "\",\"payload\":{\"type\":\"t\",\"data\":{}}}";
    Api.Reply r = api.post("/api/events", key, "{\"events\":[" + ev + "]}");
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
  }

  private JsonNode historyOf(String ruleId, int atLeast) throws InterruptedException {
    Api.Reply r =
        api.await(
            "/api/alerts/history?ruleId=" + ruleId,
            key,
            x -> x.status() == 200 && x.json().get("total").asInt() >= atLeast,
            Duration.ofSeconds(20));
    assertThat(r.json().get("total").asInt()).as(r.raw()).isEqualTo(atLeast);
    return r.json();
  }

  @Test
  void aWebhookOfARuleWithASecretIsSignedLikeGuardrailWebhooks() throws Exception {
    JsonNode rule =
        created(
            "{\"name\":\"Signed\",\"condition\":\"event_count_exceeds\",\"threshold\":0,"
                + "\"windowMinutes\":5,\"scope\":{\"agentId\":\"signed-bot\"},"
                + "\"webhookSecret\":\"al3rt-s3cret\",\"notifyChannels\":[\""
                + hooks.url("/signed")
                + "\"]}");
    String id = rule.get("id").asText();
    assertThat(rule.get("webhookSecretSet").asBoolean()).isTrue();
    assertThat(rule.has("webhookSecret")).isFalse();
    assertThat(api.get("/api/alerts/rules/" + id, key).raw()).doesNotContain("al3rt-s3cret");
    ingest("signed-bot", "signed-1");
    historyOf(id, 1);
    assertThat(hooks.at("/signed")).hasSize(1);
    WebhookReceiver.Received got = hooks.at("/signed").get(0);
    assertThat(got.headers().get("x-agentlens-signature"))
        .isEqualTo(
            ai.agentlens.core.guardrail.action.WebhookSignature.sign("al3rt-s3cret", got.body()));
    Api.Reply cleared = send("PUT", "/api/alerts/rules/" + id, "{\"webhookSecret\":\"\"}");
    assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
    assertThat(cleared.json().get("webhookSecretSet").asBoolean()).isFalse();
    Api.Reply bad = send("PUT", "/api/alerts/rules/" + id, "{\"webhookSecret\":5}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("details").get(0).get("path").asText()).isEqualTo("webhookSecret");
  }

  @Test
  void aRuleFiresOncePerWindowToTheWebhookAndByMail() throws Exception {
    String to = Accounts.email("ops");
    JsonNode rule =
        created(
            "{\"name\":\"Busy bot\",\"condition\":\"event_count_exceeds\",\"threshold\":0,"
                + "\"windowMinutes\":5,\"scope\":{\"agentId\":\"alarm-bot\"},"
                + "\"notifyChannels\":[\""
                + hooks.url("/hook")
                + "\",\"email:"
                + to
                + "\"]}");
    String id = rule.get("id").asText();
    ingest("alarm-bot", "alarm-1");
    JsonNode h = historyOf(id, 1);
    JsonNode row = h.get("history").get(0);
    assertThat(row.get("value").asDouble()).isEqualTo(1.0);
    assertThat(row.get("threshold").asDouble()).isZero();
    assertThat(row.get("condition").asText()).isEqualTo("event_count_exceeds");
    assertThat(row.get("deliveries").findValuesAsText("ok")).containsExactly("true", "true");
    assertThat(hooks.at("/hook")).hasSize(1);
    WebhookReceiver.Received got = hooks.at("/hook").get(0);
    assertThat(got.contentType()).startsWith("application/json");
    assertThat(got.body()).contains("\"ruleId\":\"" + id + "\"").contains("\"value\":1.0");
    assertThat(mail.await(to, "Busy bot")).contains("event_count_exceeds");
    ingest("alarm-bot", "alarm-1");
    Thread.sleep(3_500);
    historyOf(id, 1);
    assertThat(hooks.at("/hook")).hasSize(1);
    TestClock.advance(Duration.ofMinutes(6));
    ingest("alarm-bot", "alarm-2");
    JsonNode again = historyOf(id, 2);
    assertThat(Instant.parse(again.get("history").get(0).get("triggeredAt").asText()))
        .isAfter(Instant.parse(row.get("triggeredAt").asText()));
    assertThat(again.get("history").get(0).get("value").asDouble()).isEqualTo(1.0);
    assertThat(hooks.at("/hook")).hasSize(2);
    assertThat(mail.count(to)).isEqualTo(2);
    String audit =
        org.owner().browser().get("/api/orgs/" + org.id() + "/audit?action=alert.fired").raw();
    assertThat(audit).contains(id);
  }

  @Test
  void failedDeliveriesAreRecordedAndNoEventsForFiresOnSilence() throws Exception {
    String id =
        created(
                "{\"name\":\"Silent bot\",\"condition\":\"no_events_for\",\"threshold\":0,"
                    + "\"windowMinutes\":10,\"scope\":{\"agentId\":\"silent-bot\"},"
                    + "\"notifyChannels\":[\""
                    + hooks.url("/fail")
                    + "\"]}")
            .get("id")
            .asText();
    JsonNode row = historyOf(id, 1).get("history").get(0);
    assertThat(row.get("value").asDouble()).isZero();
    JsonNode d = row.get("deliveries").get(0);
    assertThat(d.get("ok").asBoolean()).isFalse();
    assertThat(d.get("error").asText()).contains("500");
    assertThat(hooks.at("/fail")).hasSize(1);
  }
}
