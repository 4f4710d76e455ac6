package ai.agentlens.api;

import static ai.agentlens.api.MemoryEvents.ended;
import static ai.agentlens.api.MemoryEvents.ev;
import static ai.agentlens.api.MemoryEvents.llmCall;
import static ai.agentlens.api.MemoryEvents.llmResponse;
import static ai.agentlens.api.MemoryEvents.toolCall;
import static ai.agentlens.api.MemoryEvents.toolError;
import static ai.agentlens.api.MemoryEvents.toolResponse;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/reflect} (reference §4.3.7) on both launchers, over three sessions on three days:
 * the four analyses answer known figures (error pattern across two messages that differ only by a
 * number, the failing tool bigram, cost by model, agent and session, increasing latency and cost);
 * the agent filter and metadata hold; missing, unknown and {@code session_comparison} analyses and
 * bad limits or times are 400 naming the parameter; another org's key sees nothing of it, no key is
 * 401; the MCP tool {@code agentlens_reflect} answers the same through the SDK's client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReflectApiContract {

  private static final String RANGE = "&from=2026-02-01T00:00:00Z&to=2026-02-04T00:00:00Z";

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

  @BeforeAll
  void load() throws InterruptedException {
    stack = start(Map.of());
    api = new Api(stack.url());
    Tenants tenants = new Tenants(stack);
    org = tenants.create(Plan.PRO, null);
    other = tenants.create(Plan.PRO, null);
    List<String> events = new ArrayList<>();
    session(events, "r1", "reflect-bot", "01", "gpt-4o", 0.03, 1000, "12", "completed");
    session(events, "r2", "reflect-bot", "02", "gpt-4o-mini", 0.01, 2000, "345", "error");
    String day3 = "2026-02-03T10:00:0";
    events.add(ev("r3", "other-bot", "llm_call", day3 + "1Z", llmCall("gpt-4o", "sum up"), null));
    events.add(
        ev(
            "r3",
            "other-bot",
            "llm_response",
            day3 + "2Z",
            llmResponse("gpt-4o", 0.05, 3000),
            null));
    events.add(ev("r3", "other-bot", "session_ended", day3 + "3Z", ended("completed"), null));
    MemoryEvents.send(api, org.key(), events);
    api.await(
        "/api/reflect?analysis=cost_analysis" + RANGE,
        org.key(),
        r -> r.status() == 200 && r.json().get("metadata").get("eventsAnalyzed").asInt() == 17,
        Duration.ofSeconds(30));
  }

  private static void session(
      List<String> out,
      String id,
      String agent,
      String day,
      String model,
      double cost,
      int latency,
      String millis,
      String reason) {
    String t = "2026-02-" + day + "T10:00:0";
    out.add(ev(id, agent, "llm_call", t + "1Z", llmCall(model, "find the report"), null));
    out.add(ev(id, agent, "llm_response", t + "2Z", llmResponse(model, cost, latency), null));
    out.add(ev(id, agent, "tool_call", t + "3Z", toolCall("search", id + "-t1"), null));
    out.add(ev(id, agent, "tool_response", t + "4Z", toolResponse("search", id + "-t1"), null));
    out.add(ev(id, agent, "tool_call", t + "5Z", toolCall("write", id + "-t2"), null));
    out.add(
        ev(
            id,
            agent,
            "tool_error",
            t + "6Z",
            toolError("write", id + "-t2", "Permission denied after " + millis + " ms"),
            null));
    out.add(ev(id, agent, "session_ended", t + "7Z", ended(reason), null));
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private JsonNode reflect(String analysis, String extra) {
    Api.Reply r = api.get("/api/reflect?analysis=" + analysis + RANGE + extra, org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.json();
  }

  @Test
  void errorPatternsGroupMessagesThatDifferOnlyByNumbers() {
    JsonNode r = reflect("error_patterns", "");
    assertThat(r.get("analysis").asText()).isEqualTo("error_patterns");
    assertThat(r.get("insights")).hasSize(1);
    JsonNode i = r.get("insights").get(0);
    assertThat(i.get("type").asText()).isEqualTo("error_pattern");
    assertThat(i.get("data").get("pattern").asText()).isEqualTo("permission denied after <n> ms");
    assertThat(i.get("data").get("toolName").asText()).isEqualTo("write");
    assertThat(i.get("data").get("count").asInt()).isEqualTo(2);
    assertThat(i.get("data").get("sessions").asInt()).isEqualTo(2);
    assertThat(i.get("summary").asText()).contains("2 times in 2 sessions");
    assertThat(i.get("confidence").asDouble()).isEqualTo(0.6);
    JsonNode meta = r.get("metadata");
    assertThat(meta.get("sessionsAnalyzed").asInt()).isEqualTo(3);
    assertThat(meta.get("eventsAnalyzed").asInt()).isEqualTo(17);
    assertThat(meta.get("timeRange").get("from").asText()).isEqualTo("2026-02-01T00:00:00.000Z");
    assertThat(meta.get("timeRange").get("to").asText()).isEqualTo("2026-02-04T00:00:00.000Z");
  }

  @Test
  void toolSequencesCountTheFailingBigram() {
    JsonNode i = reflect("tool_sequences", "").get("insights");
    assertThat(i).hasSize(1);
    assertThat(i.get(0).get("data").get("sequence").toString()).isEqualTo("[\"search\",\"write\"]");
    assertThat(i.get(0).get("data").get("frequency").asInt()).isEqualTo(2);
    assertThat(i.get(0).get("data").get("sessions").asInt()).isEqualTo(2);
    assertThat(i.get(0).get("data").get("errorRate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void costAnalysisByModelAgentAndSession() {
    JsonNode i = reflect("cost_analysis", "").get("insights");
    List<String> types = new ArrayList<>();
    i.forEach(x -> types.add(x.get("type").asText() + ":" + first(x.get("data"))));
    assertThat(types)
        .containsExactly(
            "cost_by_model:gpt-4o",
            "cost_by_model:gpt-4o-mini",
            "cost_by_agent:other-bot",
            "cost_by_agent:reflect-bot",
            "top_session:r3",
            "top_session:r1",
            "top_session:r2");
    assertThat(i.get(0).get("data").get("costUsd").asDouble()).isCloseTo(0.08, Offset.offset(1e-9));
    assertThat(i.get(0).get("data").get("calls").asInt()).isEqualTo(2);
    assertThat(i.get(0).get("data").get("share").asDouble()).isCloseTo(0.8889, Offset.offset(1e-4));
    assertThat(reflect("cost_analysis", "&limit=1").get("insights")).hasSize(3);
  }

  private static String first(JsonNode data) {
    return data.elements().next().asText();
  }

  @Test
  void performanceTrendsPerDayWithADirection() {
    JsonNode i = reflect("performance_trends", "").get("insights");
    assertThat(i).hasSize(3);
    JsonNode latency = i.get(0).get("data");
    assertThat(i.get(0).get("type").asText()).isEqualTo("latency_trend");
    assertThat(latency.get("direction").asText()).isEqualTo("increasing");
    assertThat(latency.get("series").toString())
        .isEqualTo(
            "[{\"date\":\"2026-02-01\",\"value\":1000.0},{\"date\":\"2026-02-02\",\"value\":2000.0},"
                + "{\"date\":\"2026-02-03\",\"value\":3000.0}]");
    assertThat(i.get(1).get("type").asText()).isEqualTo("error_rate_trend");
    assertThat(i.get(1).get("data").get("series").get(0).get("value").asDouble())
        .isCloseTo(1.0 / 7, Offset.offset(1e-6));
    assertThat(i.get(1).get("data").get("direction").asText()).isEqualTo("decreasing");
    assertThat(i.get(2).get("type").asText()).isEqualTo("cost_trend");
    assertThat(i.get(2).get("data").get("direction").asText()).isEqualTo("increasing");
  }

  @Test
  void theAgentFilterNarrowsTheAnalysis() {
    JsonNode r = reflect("cost_analysis", "&agentId=other-bot");
    assertThat(r.get("metadata").get("sessionsAnalyzed").asInt()).isEqualTo(1);
    assertThat(r.get("metadata").get("eventsAnalyzed").asInt()).isEqualTo(3);
    assertThat(reflect("error_patterns", "&agentId=other-bot").get("insights")).isEmpty();
  }

  @Test
  void badParametersAre400NamingThem() {
    assertBad("/api/reflect", "analysis", "is required");
    assertBad("/api/reflect?analysis=session_comparison", "analysis", "not supported");
    assertBad("/api/reflect?analysis=nope", "analysis", "error_patterns, tool_sequences");
    assertBad("/api/reflect?analysis=error_patterns&limit=0", "limit", "1 to 100");
    assertBad("/api/reflect?analysis=error_patterns&limit=x", "limit", "1 to 100");
    assertBad("/api/reflect?analysis=error_patterns&from=yesterday", "from", "RFC 3339");
    assertBad(
        "/api/reflect?analysis=error_patterns&from=2026-02-02&to=2026-02-01", "from", "before");
    assertThat(
            api.get("/api/reflect?analysis=error_patterns" + RANGE + "&params=%7B%7D", org.key())
                .status())
        .as("params is ignored")
        .isEqualTo(200);
  }

  private void assertBad(String path, String field, String message) {
    Api.Reply r = api.get(path, org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.json().get("status").asInt()).isEqualTo(400);
    assertThat(r.json().get("details").get(0).get("path").asText()).isEqualTo(field);
    assertThat(r.json().get("details").get(0).get("message").asText()).contains(message);
  }

  @Test
  void anotherOrgSeesNothingAndNoKeyIs401() {
    Api.Reply r = api.get("/api/reflect?analysis=error_patterns" + RANGE, other.key());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("insights")).isEmpty();
    assertThat(r.json().get("metadata").get("eventsAnalyzed").asInt()).isZero();
    Api.Reply c = api.get("/api/reflect?analysis=cost_analysis" + RANGE, other.key());
    assertThat(c.raw()).doesNotContain("reflect-bot").doesNotContain("gpt-4o");
    assertThat(api.get("/api/reflect?analysis=error_patterns", null).status()).isEqualTo(401);
  }

  @Test
  void theMcpToolAnswersTheSame() {
    try (McpSyncClient client = McpClients.http(stack.url(), org.key());
        McpSyncClient otherClient = McpClients.http(stack.url(), other.key())) {
      Map<String, Object> args =
          Map.of(
              "analysis", "error_patterns",
              "from", "2026-02-01T00:00:00Z",
              "to", "2026-02-04T00:00:00Z",
              "limit", 5);
      JsonNode r = McpClients.ok(client, "agentlens_reflect", args);
      assertThat(r.get("insights").get(0).get("data").get("count").asInt()).isEqualTo(2);
      assertThat(r.get("metadata").get("sessionsAnalyzed").asInt()).isEqualTo(3);
      assertThat(McpClients.ok(otherClient, "agentlens_reflect", args).get("insights")).isEmpty();
      McpSchema.CallToolResult bad =
          McpClients.call(client, "agentlens_reflect", Map.of("analysis", "session_comparison"));
      assertThat(bad.isError()).isTrue();
      assertThat(McpClients.text(bad)).contains("analysis").contains("not supported");
    }
  }
}
