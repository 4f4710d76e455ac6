package ai.agentlens.core.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.ingest.validation.IngestRequestParser.Shape;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IngestRequestParserTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final AtomicInteger minted = new AtomicInteger();
  private final IngestRequestParser parser =
      new IngestRequestParser(() -> "MINTED" + minted.incrementAndGet());

  private static final String TOOL_CALL =
      "{\"sessionId\":\"s1\",\"agentId\":\"a1\",\"eventType\":\"tool_call\",\"payload\":{\"toolName\":\"search\",\"callId\":\"c1\",\"arguments\":{\"q\":\"x\"}}}";

  private List<Event> parse(String body, Shape shape) {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8), shape, "org_1", NOW);
  }

  private IngestValidationException reject(String body, Shape shape) {
    return catchThrowableOfType(IngestValidationException.class, () -> parse(body, shape));
  }

  @Test
  void wrappedEventsAreParsedInOrderWithDefaults() {
    List<Event> events =
        parse(
            "{\"events\":[" + TOOL_CALL + "," + TOOL_CALL.replace("c1", "c2") + "]}", Shape.EVENTS);
    assertThat(events).hasSize(2);
    Event first = events.get(0);
    assertThat(first.id()).isEqualTo("MINTED1");
    assertThat(first.orgId()).isEqualTo("org_1");
    assertThat(first.eventType()).isEqualTo(EventType.TOOL_CALL);
    assertThat(first.severity()).isEqualTo(Severity.INFO);
    assertThat(first.timestamp()).isEqualTo(NOW);
    assertThat(first.metadata().text()).isEqualTo("{}");
    assertThat(first.payload().text())
        .isEqualTo("{\"toolName\":\"search\",\"callId\":\"c1\",\"arguments\":{\"q\":\"x\"}}");
    assertThat(events.get(1).id()).isEqualTo("MINTED2");
  }

  @Test
  void aSingleEventObjectIsAcceptedOnTheEventsRoutesButNotOnBatch() {
    assertThat(parse(TOOL_CALL, Shape.EVENTS)).hasSize(1);
    assertThat(reject(TOOL_CALL, Shape.BATCH).problems())
        .containsExactly(new Problem("events", "body must be {\"events\":[…]}"));
  }

  @Test
  void eventCountLimitsPerShape() {
    String hundredOne =
        "{\"events\":[" + String.join(",", java.util.Collections.nCopies(101, TOOL_CALL)) + "]}";
    assertThat(parse(hundredOne, Shape.EVENTS)).hasSize(101);
    assertThat(reject(hundredOne, Shape.BATCH).problems().get(0).message())
        .isEqualTo("must hold 1 to 100 events (got 101)");
    assertThat(reject("{\"events\":[]}", Shape.EVENTS).problems().get(0).message())
        .isEqualTo("must hold 1 to 1000 events (got 0)");
    String thousandOne =
        "{\"events\":[" + String.join(",", java.util.Collections.nCopies(1001, TOOL_CALL)) + "]}";
    assertThat(reject(thousandOne, Shape.EVENTS).problems().get(0).message()).contains("got 1001");
  }

  @Test
  void malformedJsonIsA400NotAnException() {
    IngestValidationException e = reject("{\"events\":[", Shape.EVENTS);
    assertThat(e.getMessage()).isEqualTo("Invalid JSON body");
    assertThat(reject("", Shape.EVENTS).getMessage()).isEqualTo("Request body is empty");
    assertThat(reject("[1,2]", Shape.EVENTS).problems())
        .containsExactly(new Problem("", "body must be a JSON object"));
  }

  @Test
  void everyProblemIsReportedWithItsPath() {
    String body =
        "{\"events\":["
            + TOOL_CALL
            + ",{\"sessionId\":\"\",\"eventType\":\"tool_call\",\"severity\":\"fatal\",\"payload\":{\"toolName\":\"t\"}}]}";
    IngestValidationException e = reject(body, Shape.EVENTS);
    assertThat(e.getMessage()).isEqualTo("Validation failed");
    assertThat(e.problems())
        .containsExactly(
            new Problem("events.1.sessionId", "must be a non-empty string"),
            new Problem("events.1.agentId", "is required"),
            new Problem("events.1.severity", "must be one of [debug, info, warn, error, critical]"),
            new Problem("events.1.payload.callId", "is required"),
            new Problem("events.1.payload.arguments", "is required"));
  }

  @Test
  void serverOnlyAndUnknownTypesAreRefused() {
    String body =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"eval_result\",\"payload\":{}}";
    assertThat(reject(body, Shape.EVENTS).problems())
        .containsExactly(
            new Problem(
                "eventType",
                "eventType 'eval_result' is emitted by the server only and cannot be ingested"));
    assertThat(
            reject(body.replace("eval_result", "telemetry"), Shape.EVENTS)
                .problems()
                .get(0)
                .message())
        .startsWith("must be one of [session_started");
  }

  @Test
  void nullOptionalsAndOffsetTimestampsAreAcceptedAsRealSdksSendThem() {
    String body =
        "{\"id\":null,\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_response\",\"severity\":null,\"metadata\":null,"
            + "\"timestamp\":\"2025-01-01T05:30:00.123+05:30\",\"payload\":{\"callId\":\"c\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
            + "\"completion\":null,\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"totalTokens\":15,\"thinkingTokens\":null},"
            + "\"costUsd\":null,\"latencyMs\":120,\"redacted\":null}}";
    Event e = parse(body, Shape.EVENTS).get(0);
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:00.123Z"));
    assertThat(e.severity()).isEqualTo(Severity.INFO);
    assertThat(e.metadata().text()).isEqualTo("{}");
    assertThat(e.id()).isEqualTo("MINTED1");
  }

  @Test
  void timestampsWithoutOffsetAreRefused() {
    String body =
        TOOL_CALL.replace("\"payload\"", "\"timestamp\":\"2025-01-01T00:00:00\",\"payload\"");
    assertThat(reject(body, Shape.EVENTS).problems().get(0).path()).isEqualTo("timestamp");
  }

  @Test
  void aClientIdIsKeptAndValidated() {
    assertThat(
            parse(
                    TOOL_CALL.replace("{\"sessionId\"", "{\"id\":\"evt-42\",\"sessionId\""),
                    Shape.EVENTS)
                .get(0)
                .id())
        .isEqualTo("evt-42");
    assertThat(
            reject(
                    TOOL_CALL.replace("{\"sessionId\"", "{\"id\":\"a b\",\"sessionId\""),
                    Shape.EVENTS)
                .problems()
                .get(0)
                .path())
        .isEqualTo("id");
    assertThat(
            reject(
                    TOOL_CALL.replace(
                        "{\"sessionId\"", "{\"id\":\"" + "x".repeat(65) + "\",\"sessionId\""),
                    Shape.EVENTS)
                .problems())
        .hasSize(1);
  }

  @Test
  void overlongNamesAreRefusedAtTheEdge() {
    String body = TOOL_CALL.replace("\"s1\"", "\"" + "s".repeat(257) + "\"");
    assertThat(reject(body, Shape.EVENTS).problems())
        .containsExactly(new Problem("sessionId", "must be at most 256 characters"));
  }

  @Test
  void payloadsOver10KiBAreReplacedByTheTruncationStub() {
    String big = "x".repeat(11_000);
    String body =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\",\"payload\":{\"type\":\"t\",\"data\":{\"blob\":\""
            + big
            + "\"}}}";
    Event e = parse(body, Shape.EVENTS).get(0);
    assertThat(e.payload().text())
        .startsWith(
            "{\"type\":\"_truncated\",\"data\":{\"_truncated\":true,\"originalSize\":11031,\"maxSize\":10240,\"preview\":\"{\\\"type\\\":\\\"t\\\"")
        .endsWith("...\"}}");
  }

  @Test
  void reservedMetadataKeysAreStrippedAndOthersKeptInOrderWithExactNumbers() {
    String body =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\",\"metadata\":{\"z\":1,\"verifiedAgentId\":\"forged\",\"a\":1.10},"
            + "\"payload\":{\"type\":\"t\",\"data\":{\"b\":2,\"a\":1},\"extra\":true}}";
    Event e = parse(body, Shape.EVENTS).get(0);
    assertThat(e.metadata().text()).isEqualTo("{\"z\":1,\"a\":1.10}");
    assertThat(e.payload().text())
        .isEqualTo("{\"type\":\"t\",\"data\":{\"b\":2,\"a\":1},\"extra\":true}");
  }

  @Test
  void llmResponseWithoutProviderAndModelIsCompletedFromItsCall() {
    String call =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_call\",\"payload\":{\"callId\":\"c9\",\"provider\":\"anthropic\",\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}";
    String response =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_response\",\"payload\":{\"callId\":\"c9\",\"completion\":\"yo\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1,\"outputTokens\":2,\"totalTokens\":3},\"costUsd\":0.01,\"latencyMs\":5}}";
    List<Event> events = parse("{\"events\":[" + call + "," + response + "]}", Shape.EVENTS);
    assertThat(events.get(1).payload().text())
        .contains("\"provider\":\"anthropic\"")
        .contains("\"model\":\"claude\"");
    assertThat(reject("{\"events\":[" + response + "]}", Shape.EVENTS).problems())
        .extracting(Problem::path)
        .containsExactly("events.0.payload.provider", "events.0.payload.model");
  }

  @Test
  void llmResponseUsageIsChecked() {
    String response =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_response\",\"payload\":{\"callId\":\"c\",\"provider\":\"p\",\"model\":\"m\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":\"ten\"},\"latencyMs\":5}}";
    assertThat(reject(response, Shape.EVENTS).problems())
        .extracting(Problem::path)
        .containsExactly(
            "payload.usage.inputTokens", "payload.usage.outputTokens", "payload.usage.totalTokens");
  }

  @Test
  void everyClientIngestibleTypeHasPayloadRules() {
    for (EventType type : EventType.values()) {
      assertThat(PayloadRules.RULES.containsKey(type))
          .as(type.wireName())
          .isEqualTo(type.clientIngestible());
    }
  }

  @Test
  void theBodyIsParsedOnceAndEventsCarryThatTreeWithItsTextWrittenOnce() {
    String body =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\","
            + "\"payload\":{\"type\":\"t\",\"data\":{\"x\":1e2,\"y\":-0,\"z\":0.10}}}";
    Event e = parse(body, Shape.EVENTS).get(0);
    assertThat(e.payload().isParsed()).isTrue();
    assertThat(e.payload().text())
        .isEqualTo("{\"type\":\"t\",\"data\":{\"x\":1e2,\"y\":-0,\"z\":0.10}}");
    assertThat(ai.agentlens.core.event.EventRules.validate("org_1", e).payload())
        .isSameAs(e.payload().tree());
  }

  @Test
  void jsonThatStorageCouldNotHashIsRefusedAtTheEdge() {
    for (String bad :
        List.of(
            "{\"sessionId\":\"s\",\"sessionId\":\"t\"}",
            "{\"events\":[" + TOOL_CALL.replace("\"q\":\"x\"", "\"q\":1,\"q\":2") + "]}",
            TOOL_CALL.replace("\"q\":\"x\"", "\"q\":1e400"),
            TOOL_CALL + " trailing")) {
      IngestValidationException e = reject(bad, Shape.EVENTS);
      assertThat(e.getMessage()).as(bad).isEqualTo("Invalid JSON body");
      assertThat(e.problems()).hasSize(1);
    }
  }

  @Test
  void nulCharactersInPayloadOrMetadataAreProblemsWithTheirPath() {
    String body =
        "{\"events\":["
            + TOOL_CALL
            + ","
            + TOOL_CALL
                .replace("\"q\":\"x\"", "\"q\":\"a\\u0000b\"")
                .replace("\"payload\"", "\"metadata\":{\"\\u0000\":1},\"payload\"")
            + "]}";
    assertThat(reject(body, Shape.EVENTS).problems())
        .containsExactly(
            new Problem("events.1.payload", "must not contain the NUL character \\u0000"),
            new Problem("events.1.metadata", "must not contain the NUL character \\u0000"));
    String escaped = TOOL_CALL.replace("\"q\":\"x\"", "\"q\":\"\\\\u0000\"");
    assertThat(parse(escaped, Shape.EVENTS).get(0).payload().tree().object("arguments"))
        .containsEntry("q", "\\u0000");
  }

  @Test
  void aSharedCallPayloadIsNotChangedByPairing() {
    String call =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_call\",\"payload\":{\"callId\":\"c9\",\"provider\":\"p\",\"model\":\"m\",\"messages\":[\"x\"]}}";
    String response =
        "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"llm_response\",\"payload\":{\"callId\":\"c9\",\"provider\":null,\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1,\"outputTokens\":2,\"totalTokens\":3},\"latencyMs\":5}}";
    List<Event> events = parse("{\"events\":[" + call + "," + response + "]}", Shape.EVENTS);
    assertThat(events.get(0).payload().text()).doesNotContain("finishReason");
    assertThat(events.get(1).payload().text())
        .isEqualTo(
            "{\"callId\":\"c9\",\"provider\":\"p\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1,\"outputTokens\":2,\"totalTokens\":3},\"latencyMs\":5,\"model\":\"m\"}");
  }
}
