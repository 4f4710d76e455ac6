package ai.agentlens.api;

import static ai.agentlens.api.McpClients.call;
import static ai.agentlens.api.McpClients.ok;
import static ai.agentlens.api.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MCP server at {@code /mcp} on both launchers, driven by the official MCP Java SDK's
 * Streamable HTTP client: it connects with an API key and lists the tools of the features the
 * server has; session start → log event → query events round-trips through the ingest path; LLM
 * calls, session end and the read tools answer; no key (or a bad one) is 401; another org's ids are
 * error results with none of the data; a session replays in pages and a benchmark goes through
 * create, get, list, results and its lifecycle, org-scoped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class McpApiContract {

  /** The tools of the features this server has (reference §4.3.10). */
  public static final List<String> TOOLS =
      List.of(
          "agentlens_session_start",
          "agentlens_log_event",
          "agentlens_log_llm_call",
          "agentlens_session_end",
          "agentlens_query_events",
          "agentlens_sessions",
          "agentlens_agents",
          "agentlens_health",
          "agentlens_optimize",
          "agentlens_guardrails",
          "agentlens_alerts",
          "agentlens_analytics",
          "agentlens_replay",
          "agentlens_benchmark",
          "agentlens_reflect",
          "agentlens_context");

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private TestStack stack;
  private Tenant org;
  private Tenant other;
  private McpSyncClient client;
  private McpSyncClient otherClient;

  @BeforeAll
  void load() {
    stack = start(Map.of());
    Tenants tenants = new Tenants(stack);
    org = tenants.create(Plan.TEAM, null);
    other = tenants.create(Plan.TEAM, null);
    client = McpClients.http(stack.url(), org.key());
    client.initialize();
    otherClient = McpClients.http(stack.url(), other.key());
    otherClient.initialize();
  }

  @AfterAll
  void stop() {
    client.close();
    otherClient.close();
    stack.close();
  }

  /** Polls a tool until its answer satisfies a condition (cloud stores asynchronously). */
  static JsonNode await(
      McpSyncClient c,
      String tool,
      Map<String, Object> args,
      java.util.function.Predicate<JsonNode> done)
      throws InterruptedException {
    Instant until = Instant.now().plusSeconds(15);
    JsonNode last = ok(c, tool, args);
    while (!done.test(last) && Instant.now().isBefore(until)) {
      Thread.sleep(100);
      last = ok(c, tool, args);
    }
    return last;
  }

  @Test
  void theClientListsTheToolsOfTheFeaturesThatExist() {
    List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    assertThat(names).containsExactlyInAnyOrderElementsOf(TOOLS);
    assertThat(client.listTools().tools())
        .allSatisfy(t -> assertThat(t.description()).isNotBlank());
  }

  @Test
  void sessionStartLogEventAndQueryEventsRoundTrip() throws Exception {
    String sessionId =
        ok(client, "agentlens_session_start", Map.of("agentId", "mcp-agent", "agentName", "MCP"))
            .get("sessionId")
            .asText();
    assertThat(sessionId).startsWith("ses_");
    String eventId =
        ok(
                client,
                "agentlens_log_event",
                Map.of(
                    "sessionId",
                    sessionId,
                    "agentId",
                    "mcp-agent",
                    "eventType",
                    "tool_call",
                    "payload",
                    Map.of("toolName", "search", "callId", "c1", "arguments", Map.of("q", "x"))))
            .get("eventId")
            .asText();
    JsonNode events =
        await(
            client,
            "agentlens_query_events",
            Map.of("sessionId", sessionId),
            n -> n.get("total").asInt() == 2);
    assertThat(events.get("total").asInt()).isEqualTo(2);
    // why: the two tool calls are separate requests, and cloud's two ingest workers may store them
    // in either order, so the events are found by id and type rather than by position
    JsonNode logged = null;
    List<String> types = new ArrayList<>();
    for (JsonNode e : events.get("events")) {
      types.add(e.get("eventType").asText());
      if (e.get("id").asText().equals(eventId)) {
        logged = e;
      }
    }
    assertThat(types).containsExactlyInAnyOrder("tool_call", "session_started");
    assertThat(logged).as("the logged event %s in %s", eventId, events).isNotNull();
    assertThat(logged.get("eventType").asText()).isEqualTo("tool_call");
    assertThat(logged.get("payload").get("toolName").asText()).isEqualTo("search");

    ok(
        client,
        "agentlens_log_llm_call",
        Map.of(
            "sessionId",
            sessionId,
            "agentId",
            "mcp-agent",
            "provider",
            "openai",
            "model",
            "gpt-4o",
            "messages",
            List.of(Map.of("role", "user", "content", "hi")),
            "completion",
            "hello",
            "inputTokens",
            3,
            "outputTokens",
            2,
            "costUsd",
            0.001,
            "latencyMs",
            120));
    ok(client, "agentlens_session_end", Map.of("sessionId", sessionId, "agentId", "mcp-agent"));
    JsonNode detail =
        await(
            client,
            "agentlens_sessions",
            Map.of("action", "detail", "sessionId", sessionId),
            n -> n.get("eventCount").asInt() == 5);
    assertThat(detail.get("eventCount").asInt()).isEqualTo(5);
    assertThat(detail.get("status").asText()).isEqualTo("completed");
    JsonNode timeline =
        ok(client, "agentlens_sessions", Map.of("action", "timeline", "sessionId", sessionId));
    assertThat(timeline.get("chainValid").asBoolean()).isTrue();
    assertThat(timeline.get("events")).hasSize(5);
    JsonNode agents = ok(client, "agentlens_agents", Map.of());
    assertThat(agents.get("agents").findValuesAsText("id")).contains("mcp-agent");
  }

  @Test
  void theReadToolsAnswerAndBadArgumentsAreErrorResults() {
    assertThat(ok(client, "agentlens_health", Map.of()).has("agents")).isTrue();
    assertThat(ok(client, "agentlens_optimize", Map.of()).has("recommendations")).isTrue();
    assertThat(ok(client, "agentlens_guardrails", Map.of()).has("rules")).isTrue();
    assertThat(ok(client, "agentlens_alerts", Map.of()).has("rules")).isTrue();
    assertThat(ok(client, "agentlens_analytics", Map.of("granularity", "day")).has("summary"))
        .isTrue();
    McpSchema.CallToolResult bad = call(client, "agentlens_health", Map.of("window", 500));
    assertThat(bad.isError()).isTrue();
    assertThat(text(bad)).contains("window");
    McpSchema.CallToolResult missing = call(client, "agentlens_log_event", Map.of("agentId", "a"));
    assertThat(missing.isError()).isTrue();
    assertThat(text(missing)).contains("sessionId");
    McpSchema.CallToolResult invalid =
        call(
            client,
            "agentlens_log_event",
            Map.of(
                "sessionId", "s", "agentId", "a", "eventType", "tool_call", "payload", Map.of()));
    assertThat(invalid.isError()).isTrue();
    assertThat(text(invalid)).contains("toolName");
  }

  @Test
  void theAnalyticsToolIsListedAndAnsweredOnlyForOrgsWithTheAnalyticsFeature() {
    Tenant off = new Tenants(stack).create(Plan.TEAM, null);
    stack.bean(FeatureGate.class).override(off.orgId(), Feature.ANALYTICS, false);
    try (McpSyncClient c = McpClients.http(stack.url(), off.key())) {
      c.initialize();
      List<String> names = c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertThat(names).doesNotContain("agentlens_analytics").contains("agentlens_sessions");
      McpSchema.CallToolResult r = call(c, "agentlens_analytics", Map.of());
      assertThat(r.isError()).isTrue();
      assertThat(text(r)).contains("analytics").doesNotContain("summary");
    }
  }

  @Test
  void anotherOrgsIdsAreErrorResultsWithoutData() throws Exception {
    String sessionId =
        ok(client, "agentlens_session_start", Map.of("agentId", "secret-agent"))
            .get("sessionId")
            .asText();
    await(
        client,
        "agentlens_query_events",
        Map.of("sessionId", sessionId),
        n -> n.get("total").asInt() == 1);
    McpSchema.CallToolResult detail =
        call(otherClient, "agentlens_sessions", Map.of("action", "detail", "sessionId", sessionId));
    assertThat(detail.isError()).isTrue();
    assertThat(text(detail)).isEqualTo("Session not found").doesNotContain("secret-agent");
    McpSchema.CallToolResult timeline =
        call(
            otherClient,
            "agentlens_sessions",
            Map.of("action", "timeline", "sessionId", sessionId));
    assertThat(timeline.isError()).isTrue();
    McpSchema.CallToolResult agent =
        call(
            otherClient, "agentlens_agents", Map.of("action", "detail", "agentId", "secret-agent"));
    assertThat(agent.isError()).isTrue();
    JsonNode none = ok(otherClient, "agentlens_query_events", Map.of("sessionId", sessionId));
    assertThat(none.get("total").asInt()).isZero();
    assertThat(none.get("events")).isEmpty();
  }

  @Test
  void aSessionReplaysInPagesAndAnotherOrgGetsAnErrorResult() throws Exception {
    String sessionId =
        ok(client, "agentlens_session_start", Map.of("agentId", "replay-agent"))
            .get("sessionId")
            .asText();
    for (String call : List.of("c1", "c2")) {
      ok(
          client,
          "agentlens_log_event",
          Map.of(
              "sessionId",
              sessionId,
              "agentId",
              "replay-agent",
              "eventType",
              "tool_call",
              "payload",
              Map.of("toolName", "search", "callId", call, "arguments", Map.of("q", call))));
    }
    Map<String, Object> firstPage = Map.of("sessionId", sessionId, "limit", 2);
    JsonNode page =
        await(client, "agentlens_replay", firstPage, n -> n.get("totalSteps").asInt() == 3);
    assertThat(page.get("totalSteps").asInt()).isEqualTo(3);
    assertThat(page.get("steps")).hasSize(2);
    assertThat(page.get("pagination").get("hasMore").asBoolean()).isTrue();
    assertThat(page.get("chainValid").asBoolean()).isTrue();
    assertThat(page.get("session").get("id").asText()).isEqualTo(sessionId);
    JsonNode rest =
        ok(
            client,
            "agentlens_replay",
            Map.of("sessionId", sessionId, "offset", 2, "includeContext", true));
    assertThat(rest.get("steps")).hasSize(1);
    assertThat(rest.get("pagination").get("hasMore").asBoolean()).isFalse();
    assertThat(rest.get("steps").get(0).has("context")).isTrue();
    JsonNode calls =
        ok(
            client,
            "agentlens_replay",
            Map.of("sessionId", sessionId, "eventTypes", List.of("tool_call")));
    assertThat(calls.get("steps")).hasSize(2);
    McpSchema.CallToolResult badType =
        call(
            client,
            "agentlens_replay",
            Map.of("sessionId", sessionId, "eventTypes", List.of("tool_call", "nope")));
    assertThat(badType.isError()).isTrue();
    assertThat(text(badType)).contains("eventTypes").contains("nope");
    McpSchema.CallToolResult badLimit =
        call(client, "agentlens_replay", Map.of("sessionId", sessionId, "limit", 5001));
    assertThat(badLimit.isError()).isTrue();
    assertThat(text(badLimit)).contains("limit");
    McpSchema.CallToolResult foreign =
        call(otherClient, "agentlens_replay", Map.of("sessionId", sessionId));
    assertThat(foreign.isError()).isTrue();
    assertThat(text(foreign)).isEqualTo("Session not found").doesNotContain("replay-agent");
  }

  @Test
  void aBenchmarkIsCreatedReadComparedAndMovedThroughItsLifecycleInItsOrgOnly() {
    Map<String, Object> create =
        Map.of(
            "action",
            "create",
            "name",
            "mcp-bench",
            "metrics",
            List.of("avg_cost", "error_rate"),
            "minSessionsPerVariant",
            1,
            "variants",
            List.of(
                Map.of("name", "control", "tag", "mcp-a"), Map.of("name", "b", "tag", "mcp-b")));
    JsonNode created = ok(client, "agentlens_benchmark", create);
    String id = created.get("id").asText();
    assertThat(created.get("status").asText()).isEqualTo("draft");
    assertThat(created.get("variants")).hasSize(2);
    assertThat(
            ok(client, "agentlens_benchmark", Map.of("action", "get", "benchmarkId", id))
                .get("name")
                .asText())
        .isEqualTo("mcp-bench");
    assertThat(ok(client, "agentlens_benchmark", Map.of()).get("benchmarks").findValuesAsText("id"))
        .contains(id);
    JsonNode results =
        ok(client, "agentlens_benchmark", Map.of("action", "results", "benchmarkId", id));
    assertThat(results.has("comparisons")).isTrue();
    assertThat(results.get("variants")).hasSize(2);
    JsonNode running =
        ok(
            client,
            "agentlens_benchmark",
            Map.of("action", "lifecycle", "benchmarkId", id, "status", "running"));
    assertThat(running.get("status").asText()).isEqualTo("running");
    assertThat(
            ok(client, "agentlens_benchmark", Map.of("action", "list", "status", "running"))
                .get("benchmarks")
                .findValuesAsText("id"))
        .contains(id);
    McpSchema.CallToolResult refused =
        call(
            client,
            "agentlens_benchmark",
            Map.of("action", "lifecycle", "benchmarkId", id, "status", "draft"));
    assertThat(refused.isError()).isTrue();
    assertThat(text(refused)).contains("running");
    McpSchema.CallToolResult invalid =
        call(
            client,
            "agentlens_benchmark",
            Map.of("action", "create", "name", "x", "metrics", List.of(), "variants", List.of()));
    assertThat(invalid.isError()).isTrue();
    assertThat(text(invalid)).contains("metrics").contains("variants");

    for (Map<String, Object> args :
        List.<Map<String, Object>>of(
            Map.of("action", "get", "benchmarkId", id),
            Map.of("action", "results", "benchmarkId", id),
            Map.of("action", "lifecycle", "benchmarkId", id, "status", "cancelled"))) {
      McpSchema.CallToolResult r = call(otherClient, "agentlens_benchmark", args);
      assertThat(r.isError()).as(args.toString()).isTrue();
      assertThat(text(r)).isEqualTo("Benchmark not found").doesNotContain("mcp-bench");
    }
    assertThat(
            ok(otherClient, "agentlens_benchmark", Map.of())
                .get("benchmarks")
                .findValuesAsText("id"))
        .doesNotContain(id);
    assertThat(
            ok(client, "agentlens_benchmark", Map.of("action", "get", "benchmarkId", id))
                .get("status")
                .asText())
        .isEqualTo("running");
  }

  @Test
  void aBodyThatIsNoJsonRpcRequestIs400WithAJsonRpcErrorNever500() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String body : new String[] {"{}", "not json", "[]", "{\"jsonrpc\":\"2.0\",\"id\":1}"}) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(stack.url() + "/mcp"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + org.key())
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).contains("\"jsonrpc\":\"2.0\"").contains("\"id\":null");
      assertThat(r.body()).contains("\"code\":-32");
    }
  }

  @Test
  void withoutAValidKeyTheEndpointIs401AndTheClientCannotConnect() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String init =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    for (String auth : new String[] {null, "Bearer al_live_nope", "Bearer " + org.key() + "x"}) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(stack.url() + "/mcp"))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .POST(HttpRequest.BodyPublishers.ofString(init));
      if (auth != null) {
        b.header("Authorization", auth);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(auth + " " + r.body()).isEqualTo(401);
      assertThat(r.body()).contains("\"status\":401").doesNotContain("Exception");
    }
    try (McpSyncClient anonymous = McpClients.http(stack.url(), null)) {
      assertThatThrownBy(anonymous::initialize).isInstanceOf(RuntimeException.class);
    }
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.url() + "/mcp"))
                .header("Authorization", "Bearer " + org.key())
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
  }
}
