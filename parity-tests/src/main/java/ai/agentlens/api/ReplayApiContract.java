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
 * Session replay (reference §4.3.4) on both launchers: a session of an LLM call, a tool call and
 * its result, a failing tool call and an end comes back as paired steps with cumulative context,
 * pages and filters by type, and sums up; bad parameters are 400 with details; another org's key
 * gets 404 for the same id; no key gets 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReplayApiContract {

  /** The fixture session's id. */
  public static final String SESSION = "replay-ses-1";

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

  /**
   * Sends the fixture session (7 events, $0.0300 of LLM cost) and waits until it is stored.
   *
   * @param api the API
   * @param key an org's key
   */
  public static void sendFixture(Api api, String key) throws InterruptedException {
    List<String> events = new ArrayList<>();
    events.add(ev("session_started", "00.000", "{\"agentName\":\"Replayer\",\"tags\":[\"r\"]}"));
    events.add(
        ev(
            "llm_call",
            "01.000",
            "{\"callId\":\"c1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"find the file\"}]}"));
    events.add(
        ev(
            "llm_response",
            "02.500",
            "{\"callId\":\"c1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"completion\":\"I will search\",\"finishReason\":\"stop\",\"usage\":"
                + "{\"inputTokens\":100,\"outputTokens\":20,\"totalTokens\":120},"
                + "\"costUsd\":0.03,\"latencyMs\":1500}"));
    events.add(
        ev(
            "tool_call",
            "03.000",
            "{\"toolName\":\"search\",\"callId\":\"t1\",\"arguments\":{\"q\":\"report\"}}"));
    events.add(
        ev(
            "tool_response",
            "03.250",
            "{\"toolName\":\"search\",\"callId\":\"t1\",\"result\":{\"hits\":2},"
                + "\"durationMs\":250}"));
    events.add(
        ev(
            "tool_call",
            "04.000",
            "{\"toolName\":\"write\",\"callId\":\"t2\",\"arguments\":{\"path\":\"/x\"}}"));
    events.add(
        ev(
            "tool_error",
            "04.100",
            "{\"toolName\":\"write\",\"callId\":\"t2\",\"error\":\"denied\",\"durationMs\":100}"));
    events.add(ev("session_ended", "05.000", "{\"reason\":\"completed\"}"));
    Api.Reply r = api.post("/api/events", key, "{\"events\":[" + String.join(",", events) + "]}");
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    api.await(
        "/api/sessions/" + SESSION,
        key,
        x -> x.status() == 200 && x.json().get("eventCount").asInt() == events.size(),
        Duration.ofSeconds(30));
  }

  private static String ev(String type, String seconds, String payload) {
    return "{\"sessionId\":\""
        + SESSION
        + "\",\"agentId\":\"replay-bot\",\"eventType\":\""
        + type
        + "\",\"timestamp\":\"2026-02-08T10:30:"
        + seconds
        + "Z\",\"payload\":"
        + payload
        + "}";
  }

  @BeforeAll
  void load() throws InterruptedException {
    stack = start(Map.of());
    api = new Api(stack.url());
    Tenants tenants = new Tenants(stack);
    org = tenants.create(Plan.PRO, null);
    other = tenants.create(Plan.PRO, null);
    sendFixture(api, org.key());
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private JsonNode replay(String query) {
    Api.Reply r = api.get("/api/sessions/" + SESSION + "/replay" + query, org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.json();
  }

  @Test
  void stepsArePairedWithCumulativeContextAndASummary() {
    JsonNode r = replay("");
    assertThat(r.get("session").get("id").asText()).isEqualTo(SESSION);
    assertThat(r.get("chainValid").asBoolean()).isTrue();
    assertThat(r.get("totalSteps").asInt()).isEqualTo(8);
    JsonNode steps = r.get("steps");
    assertThat(steps).hasSize(8);
    JsonNode call = steps.get(1);
    assertThat(call.get("index").asInt()).isEqualTo(1);
    assertThat(call.get("event").get("eventType").asText()).isEqualTo("llm_call");
    assertThat(call.get("pairedEvent").get("eventType").asText()).isEqualTo("llm_response");
    assertThat(call.get("pairDurationMs").asLong()).isEqualTo(1500);
    assertThat(call.get("context").get("cumulativeCostUsd").asDouble()).isZero();
    assertThat(
            call.get("context")
                .get("llmHistory")
                .get(0)
                .get("messages")
                .get(0)
                .get("content")
                .asText())
        .isEqualTo("find the file");
    assertThat(call.get("context").get("llmHistory").get(0).has("response")).isFalse();
    JsonNode response = steps.get(2).get("context");
    assertThat(response.get("cumulativeCostUsd").asDouble()).isEqualTo(0.03);
    assertThat(response.get("elapsedMs").asLong()).isEqualTo(2500);
    assertThat(response.get("llmHistory").get(0).get("response").asText())
        .isEqualTo("I will search");
    JsonNode tool = steps.get(4).get("context").get("toolResults").get(0);
    assertThat(tool.get("completed").asBoolean()).isTrue();
    assertThat(tool.get("result").get("hits").asInt()).isEqualTo(2);
    assertThat(tool.get("arguments").get("q").asText()).isEqualTo("report");
    assertThat(steps.get(5).get("pairedEvent").get("eventType").asText()).isEqualTo("tool_error");
    JsonNode end = steps.get(7).get("context");
    assertThat(end.get("eventIndex").asInt()).isEqualTo(7);
    assertThat(end.get("totalEvents").asInt()).isEqualTo(8);
    assertThat(end.get("errorCount").asInt()).isEqualTo(1);
    assertThat(end.get("eventCounts").get("tool_call").asInt()).isEqualTo(2);
    assertThat(end.get("toolResults").get(1).get("error").asText()).isEqualTo("denied");
    assertThat(end.get("warnings")).isEmpty();
    assertThat(end.get("pendingApprovals")).isEmpty();
    JsonNode sum = r.get("summary");
    assertThat(sum.get("totalCost").asDouble()).isEqualTo(0.03);
    assertThat(sum.get("totalDurationMs").asLong()).isEqualTo(5000);
    assertThat(sum.get("totalLlmCalls").asInt()).isEqualTo(1);
    assertThat(sum.get("totalToolCalls").asInt()).isEqualTo(2);
    assertThat(sum.get("totalErrors").asInt()).isEqualTo(1);
    assertThat(sum.get("models").get(0).asText()).isEqualTo("gpt-4o");
    assertThat(sum.get("tools").toString()).isEqualTo("[\"search\",\"write\"]");
    assertThat(r.get("pagination").get("hasMore").asBoolean()).isFalse();
    assertThat(r.get("pagination").get("limit").asInt()).isEqualTo(1000);
  }

  @Test
  void pagingFilteringAndLeavingOutContext() {
    JsonNode r = replay("?eventTypes=tool_call,tool_response,tool_error&offset=1&limit=2");
    assertThat(r.get("totalSteps").asInt()).isEqualTo(4);
    assertThat(r.get("steps")).hasSize(2);
    assertThat(r.get("steps").get(0).get("index").asInt()).isEqualTo(1);
    assertThat(r.get("steps").get(0).get("event").get("eventType").asText())
        .isEqualTo("tool_response");
    assertThat(r.get("steps").get(0).get("context").get("eventIndex").asInt()).isEqualTo(4);
    assertThat(r.get("pagination").get("offset").asInt()).isEqualTo(1);
    assertThat(r.get("pagination").get("hasMore").asBoolean()).isTrue();
    JsonNode bare = replay("?includeContext=0&limit=1");
    assertThat(bare.get("steps").get(0).has("context")).isFalse();
    assertThat(bare.get("summary").get("totalLlmCalls").asInt()).isEqualTo(1);
    assertThat(replay("?includeContext=true&offset=50").get("steps")).isEmpty();
  }

  @Test
  void badParametersAre400WithDetails() {
    Api.Reply r =
        api.get(
            "/api/sessions/"
                + SESSION
                + "/replay?limit=5001&offset=-1&eventTypes=nope"
                + "&includeContext=maybe",
            org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.json().get("status").asInt()).isEqualTo(400);
    List<String> paths = new ArrayList<>();
    r.json().get("details").forEach(d -> paths.add(d.get("path").asText()));
    assertThat(paths).containsExactlyInAnyOrder("limit", "offset", "eventTypes", "includeContext");
  }

  @Test
  void anotherOrgsKeyUnknownSessionsAndNoKey() {
    Api.Reply foreign = api.get("/api/sessions/" + SESSION + "/replay", other.key());
    assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
    assertThat(foreign.json().get("error").asText()).isEqualTo("Session not found");
    assertThat(foreign.raw()).doesNotContain("replay-bot");
    assertThat(api.get("/api/sessions/nope/replay", org.key()).status()).isEqualTo(404);
    assertThat(api.get("/api/sessions/" + SESSION + "/replay", null).status()).isEqualTo(401);
  }
}
