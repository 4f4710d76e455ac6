package ai.agentlens.api;

import static ai.agentlens.api.MemoryEvents.ended;
import static ai.agentlens.api.MemoryEvents.ev;
import static ai.agentlens.api.MemoryEvents.llmCall;
import static ai.agentlens.api.MemoryEvents.toolCall;
import static ai.agentlens.api.MemoryEvents.toolError;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/context} (reference §4.3.7) on both launchers: three ended sessions get their
 * summaries written after ingest (off the ingest path), and text search over them finds the
 * sessions about a topic, scored 1.0 down to 0.5 by rank, with summary, outcome and key events;
 * agent, user ({@code metadata.userId}) and time filters and the limit hold; a missing topic or a
 * bad limit is 400 naming it; another org's key finds nothing; no key is 401; the MCP tool {@code
 * agentlens_context} answers the same through the SDK's client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContextApiContract {

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
    String u1 = "{\"userId\":\"u-1\"}";
    String u2 = "{\"userId\":\"u-2\"}";
    String d1 = "2026-02-01T10:00:0";
    events.add(ev("c1", "ctx-bot", "session_started", d1 + "0Z", "{}", u1));
    events.add(
        ev(
            "c1",
            "ctx-bot",
            "llm_call",
            d1 + "1Z",
            llmCall("gpt-4o", "How do I get a refund for my broken headphones?"),
            u1));
    events.add(ev("c1", "ctx-bot", "tool_call", d1 + "2Z", toolCall("lookup_order", "k1"), u1));
    events.add(
        ev(
            "c1",
            "ctx-bot",
            "tool_error",
            d1 + "3Z",
            toolError("lookup_order", "k1", "not found"),
            u1));
    events.add(ev("c1", "ctx-bot", "session_ended", d1 + "4Z", ended("completed"), u1));
    String d2 = "2026-02-02T10:00:0";
    events.add(
        ev(
            "c2",
            "ctx-bot",
            "llm_call",
            d2 + "1Z",
            llmCall("gpt-4o", "Where is my shipping box?"),
            u2));
    events.add(ev("c2", "ctx-bot", "tool_call", d2 + "2Z", toolCall("track_shipment", "k2"), u2));
    events.add(ev("c2", "ctx-bot", "session_ended", d2 + "3Z", ended("completed"), u2));
    String d3 = "2026-02-03T10:00:0";
    events.add(
        ev(
            "c3",
            "other-bot",
            "llm_call",
            d3 + "1Z",
            llmCall("gpt-4o", "refund status of my order"),
            null));
    events.add(ev("c3", "other-bot", "session_ended", d3 + "2Z", ended("manual"), null));
    MemoryEvents.send(api, org.key(), events);
    api.await(
        "/api/context?topic=refund%20shipping",
        org.key(),
        r -> r.status() == 200 && r.json().get("totalSessions").asInt() == 3,
        Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private JsonNode context(String query) {
    Api.Reply r = api.get("/api/context?" + query, org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.json();
  }

  private static List<String> ids(JsonNode r) {
    List<String> out = new ArrayList<>();
    r.get("sessions").forEach(s -> out.add(s.get("sessionId").asText()));
    return out;
  }

  @Test
  void sessionsAboutATopicComeWithSummariesAndKeyEvents() {
    JsonNode r = context("topic=refund");
    assertThat(r.get("topic").asText()).isEqualTo("refund");
    assertThat(ids(r)).containsExactly("c3", "c1");
    assertThat(r.get("totalSessions").asInt()).isEqualTo(2);
    assertThat(r.get("lessons")).isEmpty();
    assertThat(r.get("sessions").get(0).get("relevanceScore").asDouble()).isEqualTo(1.0);
    assertThat(r.get("sessions").get(1).get("relevanceScore").asDouble()).isEqualTo(0.5);
    JsonNode c1 = r.get("sessions").get(1);
    assertThat(c1.get("agentId").asText()).isEqualTo("ctx-bot");
    assertThat(c1.get("startedAt").asText()).isEqualTo("2026-02-01T10:00:00.000Z");
    assertThat(c1.get("endedAt").asText()).isEqualTo("2026-02-01T10:00:04.000Z");
    assertThat(c1.get("outcome").asText()).isEqualTo("partial");
    assertThat(c1.get("summary").asText())
        .contains("Agent ctx-bot ran 5 events")
        .contains("1 tool call (lookup_order)")
        .contains("Outcome: partial");
    assertThat(c1.get("topics").toString()).contains("refund").contains("headphones");
    List<String> types = new ArrayList<>();
    c1.get("keyEvents").forEach(k -> types.add(k.get("eventType").asText()));
    assertThat(types).containsExactly("llm_call", "tool_call", "tool_error", "session_ended");
    assertThat(c1.get("keyEvents").get(2).get("summary").asText())
        .isEqualTo("tool_error: lookup_order - not found");
    assertThat(r.get("sessions").get(0).get("outcome").asText()).isEqualTo("abandoned");
    assertThat(r.get("sessions").get(0).has("errorSummary")).isFalse();
  }

  @Test
  void filtersAndLimitHold() {
    assertThat(ids(context("topic=refund&agentId=ctx-bot"))).containsExactly("c1");
    assertThat(ids(context("topic=refund%20shipping&userId=u-2"))).containsExactly("c2");
    assertThat(ids(context("topic=shipping&userId=u-1"))).isEmpty();
    assertThat(ids(context("topic=refund&from=2026-02-02T00:00:00Z"))).containsExactly("c3");
    assertThat(ids(context("topic=refund&to=2026-02-02T00:00:00Z"))).containsExactly("c1");
    assertThat(ids(context("topic=refund%20shipping&limit=1"))).hasSize(1);
    JsonNode three = context("topic=refund%20shipping%20headphones");
    assertThat(ids(three)).as("two matching terms first").startsWith("c1");
    assertThat(three.get("sessions").get(1).get("relevanceScore").asDouble()).isEqualTo(0.75);
    assertThat(ids(context("topic=zebra"))).isEmpty();
  }

  @Test
  void badParametersAre400NamingThem() {
    assertBad("/api/context", "topic", "is required");
    assertBad("/api/context?topic=%20", "topic", "is required");
    assertBad("/api/context?topic=refund&limit=101", "limit", "1 to 100");
    assertBad("/api/context?topic=refund&limit=0", "limit", "1 to 100");
    assertBad("/api/context?topic=refund&to=soon", "to", "RFC 3339");
  }

  private void assertBad(String path, String field, String message) {
    Api.Reply r = api.get(path, org.key());
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.json().get("details").get(0).get("path").asText()).isEqualTo(field);
    assertThat(r.json().get("details").get(0).get("message").asText()).contains(message);
  }

  @Test
  void anotherOrgFindsNothingAndNoKeyIs401() {
    Api.Reply r = api.get("/api/context?topic=refund%20shipping", other.key());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("totalSessions").asInt()).isZero();
    assertThat(r.raw()).doesNotContain("c1").doesNotContain("ctx-bot");
    assertThat(api.get("/api/context?topic=refund", null).status()).isEqualTo(401);
  }

  @Test
  void theMcpToolAnswersTheSame() {
    try (McpSyncClient client = McpClients.http(stack.url(), org.key());
        McpSyncClient otherClient = McpClients.http(stack.url(), other.key())) {
      JsonNode r =
          McpClients.ok(client, "agentlens_context", Map.of("topic", "refund", "limit", 10));
      assertThat(ids(r)).containsExactly("c3", "c1");
      assertThat(
              McpClients.ok(otherClient, "agentlens_context", Map.of("topic", "refund"))
                  .get("totalSessions")
                  .asInt())
          .isZero();
      McpSchema.CallToolResult bad = McpClients.call(client, "agentlens_context", Map.of());
      assertThat(bad.isError()).isTrue();
      assertThat(McpClients.text(bad)).contains("topic");
    }
  }
}
