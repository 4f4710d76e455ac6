package ai.agentlens.core.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.ingest.validation.IngestRequestParser.Shape;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The events the Python SDK's Semantic Kernel, AutoGen and CrewAI handlers send, each in a request
 * of its own as the handlers do, exactly as they build them: accepted, completed, and the changes
 * noted in {@code metadata.normalized}.
 */
class FrameworkHandlerShapesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final IngestRequestParser parser = new IngestRequestParser(() -> "MINTED");

  private Event one(String event) {
    List<Event> events =
        parser.parse(
            ("{\"events\":[" + event + "]}").getBytes(StandardCharsets.UTF_8),
            Shape.EVENTS,
            "org_1",
            NOW);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static JsonObject notes(Event e) {
    return e.metadata().tree().object("normalized");
  }

  @Test
  void semanticKernelAiCallWithoutProviderGetsItFromTheModel() {
    Event e =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"kernel\",\"eventType\":\"llm_call\",\"severity\":\"info\","
                + "\"payload\":{\"callId\":\"c1\",\"model\":\"gpt-4o\",\"service_id\":\"chat\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]},"
                + "\"metadata\":{\"source\":\"semantic_kernel\",\"framework\":\"semantic_kernel\","
                + "\"framework_component\":\"ai_service\",\"service_id\":\"chat\"},"
                + "\"timestamp\":\"2026-11-22T09:00:00.123456+00:00\"}");
    assertThat(e.payload().tree().string("provider")).isEqualTo("openai");
    assertThat(e.payload().tree().string("service_id")).isEqualTo("chat");
    assertThat(e.metadata().tree().string("source")).isEqualTo("semantic_kernel");
    assertThat(notes(e))
        .containsExactly(
            java.util.Map.entry("payload.provider", "missing; inferred from payload.model"));
  }

  @Test
  void autogenLlmResponseIsMappedToLatencyUsageAndFinishReasonKeepingWhatWasSent() {
    Event e =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"assistant\",\"eventType\":\"llm_response\",\"severity\":\"info\","
                + "\"payload\":{\"callId\":\"c1\",\"model\":\"claude-3-5-sonnet\",\"completion\":\"done\","
                + "\"durationMs\":812.35,\"inputTokens\":120,\"outputTokens\":30},"
                + "\"metadata\":{\"source\":\"autogen\",\"framework\":\"autogen\","
                + "\"framework_component\":\"llm\",\"calling_agent\":\"assistant\"},"
                + "\"timestamp\":\"2026-11-22T09:00:00.5+00:00\"}");
    JsonObject p = e.payload().tree();
    assertThat(p.string("provider")).isEqualTo("anthropic");
    assertThat(p.get("latencyMs")).isEqualTo(p.get("durationMs"));
    assertThat(((JsonNumber) p.get("latencyMs")).text()).isEqualTo("812.35");
    assertThat(p.object("usage").toString())
        .isEqualTo("{\"inputTokens\":120,\"outputTokens\":30,\"totalTokens\":150}");
    assertThat(p.string("finishReason")).isEqualTo("unknown");
    assertThat(p).containsKeys("durationMs", "inputTokens", "outputTokens", "completion");
    assertThat(notes(e).keySet())
        .containsExactly(
            "payload.latencyMs", "payload.usage", "payload.finishReason", "payload.provider");
    assertThat(e.metadata().tree().string("calling_agent")).isEqualTo("assistant");
  }

  @Test
  void handlerDefaultsStillValidate() {
    try {
      handlerDefaults();
    } catch (IngestValidationException e) {
      throw new AssertionError(e.problems().toString(), e);
    }
  }

  private void handlerDefaults() {
    // AutoGen's on_llm_call(agent) with no messages and its default model "unknown"
    Event call =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_call\",\"severity\":\"info\","
                + "\"payload\":{\"callId\":\"c2\",\"model\":\"unknown\",\"messages\":[]},"
                + "\"metadata\":{\"source\":\"autogen\"},\"timestamp\":\"2026-11-22T09:00:00+00:00\"}");
    assertThat(call.payload().tree().string("provider")).isEqualTo("unknown");
    assertThat(notes(call).get("payload.provider"))
        .isEqualTo("missing; not inferable from payload.model, set to 'unknown'");
    Event response =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_response\","
                + "\"payload\":{\"callId\":\"c2\",\"model\":\"unknown\",\"completion\":\"\","
                + "\"durationMs\":0.0,\"inputTokens\":0,\"outputTokens\":0}}");
    assertThat(response.payload().tree().object("usage").get("totalTokens"))
        .isEqualTo(JsonNumber.of(0));
  }

  @Test
  void sessionEndedWithoutReasonCompletesAndTopLevelTagsAreKept() {
    Event crew =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"my-crew\",\"eventType\":\"session_ended\",\"severity\":\"info\","
                + "\"payload\":{\"crew_name\":\"my-crew\",\"result_summary\":\"ok\",\"duration_ms\":10.5},"
                + "\"metadata\":{\"source\":\"crewai\",\"framework\":\"crewai\",\"crew_name\":\"my-crew\"},"
                + "\"tags\":[\"crew:my-crew\"],\"timestamp\":\"2026-11-22T09:00:00+00:00\"}");
    assertThat(crew.payload().tree().string("reason")).isEqualTo("completed");
    assertThat(crew.metadata().tree().array("tags")).containsExactly("crew:my-crew");
    assertThat(notes(crew).keySet()).containsExactly("payload.reason", "metadata.tags");

    Event start =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"my-crew\",\"eventType\":\"session_started\",\"severity\":\"info\","
                + "\"payload\":{\"crew_name\":\"my-crew\",\"agent_count\":2,\"task_count\":1,\"agent_roles\":[\"a\",\"b\"]},"
                + "\"metadata\":{\"source\":\"crewai\"},\"tags\":[\"crew:my-crew\"]}");
    assertThat(start.payload().tree().array("tags")).containsExactly("crew:my-crew");
    assertThat(notes(start).keySet()).containsExactly("payload.tags");

    Event autogen =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"default\",\"eventType\":\"session_ended\",\"severity\":\"info\","
                + "\"payload\":{\"summary\":\"\"},\"metadata\":{\"source\":\"autogen\"}}");
    assertThat(autogen.payload().tree().string("reason")).isEqualTo("completed");
  }

  @Test
  void autogenResponseWithAnEmptyCallIdGetsAnUnpairedIdOfItsOwn() {
    String response =
        "{\"sessionId\":\"s\",\"agentId\":\"assistant\",\"eventType\":\"llm_response\","
            + "\"payload\":{\"callId\":\"\",\"model\":\"gpt-4o\",\"completion\":\"x\","
            + "\"durationMs\":3,\"inputTokens\":1,\"outputTokens\":2}}";
    List<Event> events =
        parser.parse(
            ("{\"events\":[" + response + "," + response + "]}").getBytes(StandardCharsets.UTF_8),
            Shape.EVENTS,
            "org_1",
            NOW);
    String first = events.get(0).payload().tree().string("callId");
    String second = events.get(1).payload().tree().string("callId");
    assertThat(first).startsWith("unpaired-").hasSizeGreaterThan("unpaired-".length());
    assertThat(second).startsWith("unpaired-").isNotEqualTo(first);
    assertThat(notes(events.get(0)).string("payload.callId"))
        .isEqualTo("empty; set to an unpaired id of its own");
    assertThat(events.get(0).payload().tree().string("provider")).isEqualTo("openai");
  }

  @Test
  void autogenWarningSeverityIsWarn() {
    Event e =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"coder\",\"eventType\":\"custom\",\"severity\":\"warning\","
                + "\"payload\":{\"type\":\"code_result\",\"data\":{\"call_id\":\"x\",\"exit_code\":1}},"
                + "\"metadata\":{\"source\":\"autogen\"}}");
    assertThat(e.severity()).isEqualTo(Severity.WARN);
    assertThat(e.eventType()).isEqualTo(EventType.CUSTOM);
    assertThat(notes(e).get("severity")).isEqualTo("'warning' mapped to 'warn'");
  }

  @Test
  void eventsThatNeedNoHelpGetNoNoteAndAForgedNoteIsRemoved() {
    Event e =
        one(
            "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"session_ended\","
                + "\"payload\":{\"reason\":\"error\"},\"metadata\":{\"normalized\":{\"x\":\"forged\"},\"k\":1}}");
    assertThat(e.metadata().text()).isEqualTo("{\"k\":1}");
  }

  @Test
  void trulyInvalidInputIsStillRefused() {
    String[] bad = {
      // an unknown severity
      "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\",\"severity\":\"fatal\",\"payload\":{\"type\":\"t\",\"data\":{}}}",
      // flat tokens that are no numbers
      "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_response\",\"payload\":{\"callId\":\"c\",\"model\":\"gpt-4o\",\"durationMs\":1,\"inputTokens\":\"ten\"}}",
      // neither latencyMs nor durationMs
      "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_response\",\"payload\":{\"callId\":\"c\",\"model\":\"gpt-4o\",\"inputTokens\":1}}",
      // an llm_call naming neither provider nor model
      "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_call\",\"payload\":{\"callId\":\"c\",\"messages\":[]}}",
      // a session_ended reason outside the enum
      "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"session_ended\",\"payload\":{\"reason\":\"done\"}}"
    };
    String[] paths = {
      "events.0.severity",
      "events.0.payload.inputTokens",
      "events.0.payload.latencyMs",
      "events.0.payload.provider",
      "events.0.payload.reason"
    };
    for (int i = 0; i < bad.length; i++) {
      String body = "{\"events\":[" + bad[i] + "]}";
      IngestValidationException e =
          catchThrowableOfType(
              IngestValidationException.class,
              () -> parser.parse(body.getBytes(StandardCharsets.UTF_8), Shape.EVENTS, "o", NOW));
      assertThat(e).as(bad[i]).isNotNull();
      assertThat(e.problems()).extracting(Problem::path).as(bad[i]).contains(paths[i]);
    }
  }

  @Test
  void aPairedCallStillWinsOverInference() {
    String call =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_call\",\"payload\":{\"callId\":\"c9\",\"provider\":\"azure\",\"model\":\"gpt-4o\",\"messages\":[\"x\"]}}";
    String response =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_response\",\"payload\":{\"callId\":\"c9\",\"model\":\"gpt-4o\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1,\"outputTokens\":2,\"totalTokens\":3},\"latencyMs\":5}}";
    List<Event> events =
        parser.parse(
            ("{\"events\":[" + call + "," + response + "]}").getBytes(StandardCharsets.UTF_8),
            Shape.EVENTS,
            "org_1",
            NOW);
    assertThat(events.get(0).metadata().text()).isEqualTo("{}");
    assertThat(events.get(1).payload().tree().string("provider")).isEqualTo("azure");
    assertThat(events.get(1).metadata().text()).isEqualTo("{}");
  }
}
