package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.session;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lenient ingest for real SDK integrations, on both launchers: the events the Python SDK's Semantic
 * Kernel, AutoGen and CrewAI handlers send ({@link HandlerEvents}) are accepted, normalized before
 * hashing, recorded in {@code metadata.normalized}, and count in sessions like any other; truly
 * invalid input is still 400.
 */
public abstract class HandlerIngestApiContract extends LauncherApiSuite {

  @Test
  void handlerEventsSentOneByOneAreAcceptedNormalizedAndCounted() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String s = session();
    List<String> sent =
        List.of(
            HandlerEvents.crewStart(s),
            HandlerEvents.skAiCall(s, "sk-1"),
            HandlerEvents.skAiResponse(s, "sk-1"),
            HandlerEvents.autogenLlmCall(s, "ag-1"),
            HandlerEvents.autogenLlmResponse(s, "ag-1"),
            HandlerEvents.autogenCodeResult(s),
            HandlerEvents.crewEnd(s));
    for (String event : sent) {
      Api.Reply reply = api.post("/api/events", t.key(), batch(event));
      assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
    }

    JsonNode session =
        api.await(
                "/api/sessions/" + s,
                t.key(),
                r -> r.status() == 200 && r.json().get("eventCount").asInt() == 7,
                Duration.ofSeconds(10))
            .json();
    assertThat(session.get("eventCount").asInt()).isEqualTo(7);
    assertThat(session.get("status").asText()).isEqualTo("completed");
    assertThat(session.get("llmCallCount").asInt()).isEqualTo(2);
    assertThat(session.get("totalInputTokens").asInt()).isEqualTo(130);
    assertThat(session.get("totalOutputTokens").asInt()).isEqualTo(35);
    assertThat(session.get("tags")).extracting(JsonNode::asText).containsExactly("crew:my-crew");

    JsonNode responses =
        api.get("/api/events?sessionId=" + s + "&eventType=llm_response&limit=10", t.key())
            .json()
            .get("events");
    assertThat(responses).hasSize(2);
    JsonNode sk = byCallId(responses, "sk-1");
    assertThat(sk.get("payload").get("provider").asText()).isEqualTo("openai");
    assertThat(sk.get("payload").get("latencyMs").asDouble()).isEqualTo(812.35);
    assertThat(sk.get("payload").get("durationMs").asDouble()).isEqualTo(812.35);
    assertThat(sk.get("payload").get("usage").get("totalTokens").asInt()).isEqualTo(150);
    assertThat(sk.get("payload").get("finishReason").asText()).isEqualTo("unknown");
    assertThat(sk.get("metadata").get("service_id").asText()).isEqualTo("chat");
    // why: PostgreSQL's jsonb keeps its own key order, so only the set is portable
    assertThat(fieldNames(sk.get("metadata").get("normalized")))
        .containsExactlyInAnyOrder(
            "payload.latencyMs", "payload.usage", "payload.finishReason", "payload.provider");
    assertThat(byCallId(responses, "ag-1").get("payload").get("provider").asText())
        .isEqualTo("anthropic");

    JsonNode warn =
        api.get("/api/events?sessionId=" + s + "&severity=warn", t.key()).json().get("events");
    assertThat(warn).hasSize(1);
    assertThat(warn.get(0).get("metadata").get("normalized").get("severity").asText())
        .isEqualTo("'warning' mapped to 'warn'");

    JsonNode ended =
        api.get("/api/events?sessionId=" + s + "&eventType=session_ended", t.key())
            .json()
            .get("events")
            .get(0);
    assertThat(ended.get("payload").get("reason").asText()).isEqualTo("completed");
    assertThat(ended.get("payload").get("result_summary").asText()).isEqualTo("report written");
    assertThat(
            api.get("/api/sessions/" + s + "/timeline", t.key())
                .json()
                .get("chainValid")
                .asBoolean())
        .isTrue();
  }

  @Test
  void anAutogenResponseWithAnEmptyCallIdIsStoredUnpaired() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String s = session();
    Api.Reply reply =
        api.post("/api/events", t.key(), batch(HandlerEvents.autogenLlmResponse(s, "")));
    assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
    JsonNode stored =
        api.await(
                "/api/events?sessionId=" + s + "&eventType=llm_response",
                t.key(),
                r -> r.status() == 200 && r.json().get("events").size() == 1,
                Duration.ofSeconds(10))
            .json()
            .get("events")
            .get(0);
    assertThat(stored.get("payload").get("callId").asText()).startsWith("unpaired-");
    assertThat(stored.get("metadata").get("normalized").get("payload.callId").asText())
        .isEqualTo("empty; set to an unpaired id of its own");
  }

  @Test
  void theBatchEndpointNormalizesTheSameWay() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String s = session();
    Api.Reply reply =
        api.post(
            "/v1/events/batch",
            t.key(),
            batch(
                HandlerEvents.autogenLlmCall(s, "b-1"),
                HandlerEvents.autogenLlmResponse(s, "b-1"),
                HandlerEvents.autogenConversationEnd(s)));
    assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
    JsonNode session =
        api.await(
                "/api/sessions/" + s,
                t.key(),
                r -> r.status() == 200 && r.json().get("eventCount").asInt() == 3,
                Duration.ofSeconds(10))
            .json();
    assertThat(session.get("status").asText()).isEqualTo("completed");
    assertThat(session.get("totalInputTokens").asInt()).isEqualTo(10);
    JsonNode call =
        api.get("/api/events?sessionId=" + s + "&eventType=llm_call", t.key())
            .json()
            .get("events")
            .get(0);
    assertThat(call.get("payload").get("provider").asText()).isEqualTo("anthropic");
    assertThat(call.get("payload").get("messages")).isEmpty();
  }

  @Test
  void trulyInvalidInputIsStill400WithDetails() {
    Tenant t = tenants.create(Plan.PRO, null);
    String s = session();
    Api.Reply fatal =
        api.post(
            "/api/events",
            t.key(),
            batch(HandlerEvents.autogenCodeResult(s).replace("\"warning\"", "\"fatal\"")));
    assertThat(fatal.status()).isEqualTo(400);
    assertThat(fatal.json().get("details").get(0).get("path").asText())
        .isEqualTo("events.0.severity");
    Api.Reply noLatency =
        api.post(
            "/api/events",
            t.key(),
            batch(HandlerEvents.skAiResponse(s, "x").replace("\"durationMs\"", "\"elapsed\"")));
    assertThat(noLatency.status()).isEqualTo(400);
    assertThat(noLatency.json().get("details"))
        .extracting(d -> d.get("path").asText())
        .containsExactly("events.0.payload.latencyMs");
  }

  private static JsonNode byCallId(JsonNode events, String callId) {
    for (JsonNode e : events) {
      if (e.get("payload").get("callId").asText().equals(callId)) {
        return e;
      }
    }
    throw new AssertionError("no event with callId " + callId + " in " + events);
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
