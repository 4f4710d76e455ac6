package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A/B benchmarks (reference §4.3.5) on both launchers: the lifecycle draft → running → completed
 * with 409 for a refused change; results whose Welch test on the sessions' costs matches R's {@code
 * t.test} on the same numbers, cached once completed (a later session changes nothing); 400 with
 * details for bad bodies, 404 for another org's benchmark, 403 for a Viewer's changes while a
 * Member may change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BenchmarkApiContract {

  /** Costs of the control sessions (tag {@code bm-a}). */
  public static final double[] A = {19.1, 21.4, 18.7, 22.9, 20.2};

  /** Costs of the treatment sessions (tag {@code bm-b}). */
  public static final double[] B = {23.5, 25.1, 22.8, 26.4, 24.0, 27.3};

  /** A valid body comparing the two tags on cost and completion. */
  public static final String BODY =
      "{\"name\":\"Cheaper prompt\",\"metrics\":[\"avg_cost\",\"completion_rate\",\"health_score\"],"
          + "\"variants\":[{\"name\":\"control\",\"tag\":\"bm-a\"},"
          + "{\"name\":\"treatment\",\"tag\":\"bm-b\",\"description\":\"v2\"}]}";

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Mailbox mail;
  private Api api;
  private String key;
  private Accounts.Person member;
  private Accounts.Person viewer;
  private Tenant other;

  /**
   * Sends one session per cost: started with the tag, an LLM call costing that much, ended
   * (completed, or error for every third), and waits until all are stored.
   *
   * @param api the API
   * @param key the org's key
   * @param tag the tag
   * @param costs one session per cost
   * @param prefix session id prefix
   * @param expectTotal sessions the org has once these are stored
   * @throws InterruptedException when interrupted while waiting
   */
  public static void sessions(
      Api api, String key, String tag, double[] costs, String prefix, int expectTotal)
      throws InterruptedException {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < costs.length; i++) {
      String s = prefix + "-" + i;
      events.add(ev(s, "session_started", "{\"tags\":[\"" + tag + "\"]}"));
      events.add(
          ev(
              s,
              "llm_call",
              "{\"callId\":\""
                  + s
                  + "\",\"provider\":\"p\",\"model\":\"m\","
                  + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
      events.add(
          ev(
              s,
              "llm_response",
              "{\"callId\":\""
                  + s
                  + "\",\"provider\":\"p\",\"model\":\"m\",\"completion\":\"y\","
                  + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1,\"outputTokens\":1,"
                  + "\"totalTokens\":2},\"costUsd\":"
                  + costs[i]
                  + ",\"latencyMs\":10}"));
      events.add(
          ev(s, "session_ended", "{\"reason\":\"" + (i % 3 == 2 ? "error" : "completed") + "\"}"));
    }
    Api.Reply r = api.post("/api/events", key, "{\"events\":[" + String.join(",", events) + "]}");
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    api.await(
        "/api/sessions?countOnly=true",
        key,
        x -> x.status() == 200 && x.json().get("count").asInt() == expectTotal,
        Duration.ofSeconds(30));
  }

  private static String ev(String session, String type, String payload) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\"bm-bot\",\"eventType\":\""
        + type
        + "\",\"payload\":"
        + payload
        + "}";
  }

  @BeforeAll
  void load() throws InterruptedException {
    mail = new Mailbox();
    stack = start(new HashMap<>(AccountStack.testProperties(mail.port())));
    api = new Api(stack.url());
    Accounts accounts = new Accounts(stack, mail);
    Accounts.OrgOf org = accounts.org("Benchmarked");
    member = accounts.signedIn("member");
    viewer = accounts.signedIn("viewer");
    accounts.join(org.id(), org.owner(), member, "member");
    accounts.join(org.id(), org.owner(), viewer, "viewer");
    key = accounts.key(org.id(), org.owner()).get("key").asText();
    other = new Tenants(stack).create(Plan.PRO, null);
    sessions(api, key, "bm-a", A, "a", A.length);
    sessions(api, key, "bm-b", B, "b", A.length + B.length);
  }

  @AfterAll
  void stop() {
    stack.close();
    mail.close();
  }

  private JsonNode ok(Api.Reply r, int status) {
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
    return r.json();
  }

  private Browser keyed(String k) {
    return new Browser(stack.url()).withBearer(k);
  }

  private JsonNode created() {
    return ok(keyed(key).post("/api/benchmarks", BODY), 201);
  }

  private static JsonNode comparison(JsonNode results, String metric) {
    for (JsonNode c : results.get("comparisons")) {
      if (c.get("metric").asText().equals(metric)) {
        return c;
      }
    }
    throw new AssertionError("no comparison of " + metric + " in " + results);
  }

  @Test
  void lifecycleResultsMatchingRAndTheCacheOnceCompleted() throws InterruptedException {
    JsonNode b = created();
    String id = b.get("id").asText();
    assertThat(b.get("status").asText()).isEqualTo("draft");
    assertThat(b.get("minSessionsPerVariant").asInt()).isEqualTo(30);
    assertThat(b.get("variants").get(1).get("description").asText()).isEqualTo("v2");
    assertThat(ok(api.get("/api/benchmarks/" + id, key), 200).get("name").asText())
        .isEqualTo("Cheaper prompt");
    assertThat(ok(api.get("/api/benchmarks?status=draft", key), 200).toString()).contains(id);

    JsonNode live = ok(api.get("/api/benchmarks/" + id + "/results", key), 200);
    JsonNode cost = comparison(live, "avg_cost");
    // R: t.test(c(19.1,21.4,18.7,22.9,20.2), c(23.5,25.1,22.8,26.4,24.0,27.3), var.equal=FALSE)
    assertThat(cost.get("testType").asText()).isEqualTo("welch_t");
    assertThat(cost.get("statistic").asDouble()).isCloseTo(-4.1861, within(1e-4));
    assertThat(cost.get("df").asDouble()).isCloseTo(8.6865, within(1e-4));
    assertThat(cost.get("pValue").asDouble()).isCloseTo(0.002546, within(1e-6));
    assertThat(cost.get("confidenceInterval").get("lower").asDouble())
        .isCloseTo(-6.775434, within(1e-5));
    assertThat(cost.get("confidence").asText()).isEqualTo("★★★");
    assertThat(cost.get("winner").asText()).isEqualTo("control");
    assertThat(cost.get("effectSizeType").asText()).isEqualTo("cohens_d");
    JsonNode completion = comparison(live, "completion_rate");
    assertThat(completion.get("testType").asText()).isEqualTo("chi_squared");
    assertThat(completion.get("effectSizeType").asText()).isEqualTo("phi");
    assertThat(completion.get("significant").asBoolean()).isFalse();
    assertThat(comparison(live, "health_score").get("pValue").isNull()).isTrue();
    assertThat(live.get("variants").get(0).get("sessionCount").asInt()).isEqualTo(5);
    assertThat(live.get("variants").get(0).get("metrics").get("avg_cost").get("mean").asDouble())
        .isCloseTo(20.46, within(1e-9));
    assertThat(live.get("summary").asText()).contains("Warning: variant control has only 5");

    assertThat(
            ok(
                    keyed(key)
                        .put("/api/benchmarks/" + id + "/status", "{\"status\":\"completed\"}"),
                    409)
                .get("error")
                .asText())
        .contains("draft");
    ok(keyed(key).put("/api/benchmarks/" + id + "/status", "{\"status\":\"running\"}"), 200);
    JsonNode done =
        ok(keyed(key).put("/api/benchmarks/" + id + "/status", "{\"status\":\"completed\"}"), 200);
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.has("completedAt")).isTrue();
    JsonNode cached = ok(api.get("/api/benchmarks/" + id + "/results", key), 200);
    sessions(api, key, "bm-a", new double[] {1.0}, "late", A.length + B.length + 1);
    JsonNode again = ok(api.get("/api/benchmarks/" + id + "/results", key), 200);
    assertThat(again).isEqualTo(cached);
    assertThat(again.get("variants").get(0).get("sessionCount").asInt()).isEqualTo(5);
    assertThat(again.get("status").asText()).isEqualTo("completed");
    ok(keyed(key).put("/api/benchmarks/" + id + "/status", "{\"status\":\"running\"}"), 409);
    ok(keyed(key).put("/api/benchmarks/" + id + "/status", "{\"status\":\"cancelled\"}"), 409);
  }

  private Map<String, String> details(Api.Reply r) {
    JsonNode body = ok(r, 400);
    assertThat(body.get("status").asInt()).isEqualTo(400);
    Map<String, String> out = new HashMap<>();
    body.get("details").forEach(d -> out.put(d.get("path").asText(), d.get("message").asText()));
    return out;
  }

  @Test
  void badBodiesAre400WithDetails() {
    Browser k = keyed(key);
    assertThat(
            details(
                    k.post(
                        "/api/benchmarks",
                        "{\"metrics\":[\"avg_cost\",\"speed\",\"avg_cost\"],\"minSessionsPerVariant\":0,"
                            + "\"timeRange\":{\"from\":\"2026-02-02T00:00:00Z\",\"to\":\"yesterday\"},"
                            + "\"variants\":[{\"name\":\"a\",\"tag\":\"x\"},{\"name\":\"a\"}]}"))
                .keySet())
        .containsExactlyInAnyOrder(
            "name",
            "metrics.1",
            "metrics.2",
            "minSessionsPerVariant",
            "timeRange.to",
            "variants.1.tag",
            "variants.1.name");
    assertThat(
            details(k.post("/api/benchmarks", "{\"name\":\"x\",\"metrics\":[],\"variants\":[]}")))
        .containsKeys("metrics", "variants");
    assertThat(details(k.post("/api/benchmarks", "not json"))).containsKey("body");
    String id = created().get("id").asText();
    assertThat(details(k.put("/api/benchmarks/" + id + "/status", "{\"status\":\"paused\"}")))
        .containsKey("status");
    assertThat(details(k.put("/api/benchmarks/" + id + "/status", "[]"))).containsKey("body");
    assertThat(details(k.get("/api/benchmarks?status=nope"))).containsKey("status");
  }

  @Test
  void anotherOrgGets404OnEveryRoute() {
    String id = created().get("id").asText();
    Browser o = keyed(other.key());
    assertThat(o.get("/api/benchmarks/" + id).status()).isEqualTo(404);
    assertThat(o.get("/api/benchmarks/" + id + "/results").status()).isEqualTo(404);
    assertThat(o.put("/api/benchmarks/" + id + "/status", "{\"status\":\"running\"}").status())
        .isEqualTo(404);
    assertThat(o.delete("/api/benchmarks/" + id).status()).isEqualTo(404);
    assertThat(ok(o.get("/api/benchmarks"), 200).get("benchmarks")).isEmpty();
    assertThat(ok(api.get("/api/benchmarks/" + id, key), 200).get("status").asText())
        .isEqualTo("draft");
    assertThat(api.get("/api/benchmarks", null).status()).isEqualTo(401);
  }

  @Test
  void aViewerReadsButCannotChangeAMemberCan() {
    String id = created().get("id").asText();
    assertThat(viewer.browser().post("/api/benchmarks", BODY).status()).isEqualTo(403);
    assertThat(
            viewer
                .browser()
                .put("/api/benchmarks/" + id + "/status", "{\"status\":\"running\"}")
                .status())
        .isEqualTo(403);
    assertThat(viewer.browser().delete("/api/benchmarks/" + id).status()).isEqualTo(403);
    assertThat(ok(viewer.browser().get("/api/benchmarks/" + id), 200).get("id").asText())
        .isEqualTo(id);
    JsonNode mine = ok(member.browser().post("/api/benchmarks", BODY), 201);
    ok(
        member
            .browser()
            .put(
                "/api/benchmarks/" + mine.get("id").asText() + "/status",
                "{\"status\":\"cancelled\"}"),
        200);
    assertThat(ok(member.browser().delete("/api/benchmarks/" + id), 200).get("ok").asBoolean())
        .isTrue();
    assertThat(api.get("/api/benchmarks/" + id, key).status()).isEqualTo(404);
  }
}
