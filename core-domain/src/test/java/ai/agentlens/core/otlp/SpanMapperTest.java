package ai.agentlens.core.otlp;

import static ai.agentlens.core.otlp.Spans.END;
import static ai.agentlens.core.otlp.Spans.START;
import static ai.agentlens.core.otlp.Spans.TRACE;
import static ai.agentlens.core.otlp.Spans.span;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanMapperTest {

  private final SpanMapper mapper = new SpanMapper();
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private List<Event> map(OtlpSpan... spans) {
    MappedSpans mapped = mapper.map(List.of(spans), "org-1", NOW);
    assertThat(mapped.rejectedSpans()).as(mapped.message()).isZero();
    return mapped.events();
  }

  private static JsonObject otel(Event e) {
    return e.metadata().tree().object("otel");
  }

  @Test
  void aChatSpanWithCurrentNamesBecomesACompleteLlmPair() {
    OtlpSpan agent =
        span()
            .id("00f067aa0ba902b7")
            .name("invoke_agent travel")
            .attr("gen_ai.operation.name", "invoke_agent")
            .attr("gen_ai.agent.name", "travel-planner")
            .attr("gen_ai.conversation.id", "conv-42")
            .build();
    OtlpSpan chat =
        span()
            .parent("00f067aa0ba902b7")
            .attr("gen_ai.operation.name", "chat")
            .attr("gen_ai.provider.name", "openai")
            .attr("gen_ai.request.model", "gpt-4o")
            .attr("gen_ai.response.model", "gpt-4o-2024-08-06")
            .attr("gen_ai.request.temperature", 0.2)
            .attr("gen_ai.request.max_tokens", 200)
            .attr("gen_ai.usage.input_tokens", 120)
            .attr("gen_ai.usage.output_tokens", 30)
            .attr("gen_ai.usage.cache_read.input_tokens", 100)
            .attr("gen_ai.usage.cache_creation.input_tokens", 5)
            .attr("gen_ai.usage.reasoning.output_tokens", 12)
            .attr("gen_ai.response.finish_reasons", List.of("tool_calls"))
            .attr("gen_ai.response.id", "chatcmpl-1")
            .attr(
                "gen_ai.system_instructions",
                "[{\"type\":\"text\",\"content\":\"You plan trips.\"}]")
            .attr(
                "gen_ai.input.messages",
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]")
            .attr(
                "gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Checking.\"},"
                    + "{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"get_weather\","
                    + "\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_call\"}]")
            .attr("app.tenant.tier", "gold")
            .resource("service.name", "trip-service")
            .build();

    List<Event> events = map(agent, chat);

    assertThat(events)
        .extracting(Event::eventType)
        .containsExactly(EventType.CUSTOM, EventType.LLM_CALL, EventType.LLM_RESPONSE);
    Event call = events.get(1);
    Event response = events.get(2);
    assertThat(call.id()).isEqualTo(TRACE + "-b7ad6b7169203331-c");
    assertThat(response.id()).isEqualTo(TRACE + "-b7ad6b7169203331-r");
    assertThat(call.sessionId()).as("inherited from the agent span").isEqualTo("conv-42");
    assertThat(call.agentId()).as("inherited, before service.name").isEqualTo("travel-planner");
    assertThat(call.timestamp()).isEqualTo(START);
    assertThat(response.timestamp()).isEqualTo(END);
    JsonObject c = call.payload().tree();
    assertThat(c.string("callId")).isEqualTo("b7ad6b7169203331");
    assertThat(c.string("provider")).isEqualTo("openai");
    assertThat(c.string("model")).isEqualTo("gpt-4o");
    assertThat(c.string("systemPrompt")).isEqualTo("You plan trips.");
    assertThat(JsonWriter.write(c.get("messages")))
        .isEqualTo("[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]");
    assertThat(JsonWriter.write(c.get("parameters")))
        .isEqualTo("{\"temperature\":0.2,\"maxTokens\":200}");
    JsonObject r = response.payload().tree();
    assertThat(r.string("model")).isEqualTo("gpt-4o-2024-08-06");
    assertThat(r.string("completion")).isEqualTo("Checking.");
    assertThat(r.string("finishReason")).isEqualTo("tool_calls");
    assertThat(r.string("responseId")).isEqualTo("chatcmpl-1");
    assertThat(JsonWriter.write(r.get("toolCalls")))
        .isEqualTo(
            "[{\"id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}]");
    assertThat(JsonWriter.write(r.get("usage")))
        .isEqualTo(
            "{\"inputTokens\":120,\"outputTokens\":30,\"totalTokens\":150,\"thinkingTokens\":12,"
                + "\"cacheReadTokens\":100,\"cacheWriteTokens\":5}");
    assertThat(r.get("latencyMs")).hasToString("1250");
    assertThat(response.severity()).isEqualTo(Severity.INFO);
    JsonObject meta = otel(response);
    assertThat(meta.string("traceId")).isEqualTo(TRACE);
    assertThat(meta.string("parentSpanId")).isEqualTo("00f067aa0ba902b7");
    assertThat(meta.string("operation")).isEqualTo("chat");
    assertThat(meta.object("attributes").keySet()).containsExactly("app.tenant.tier");
    assertThat(meta.object("resource").string("service.name")).isEqualTo("trip-service");
    assertThat(call.metadata().tree().string("source")).isEqualTo("otlp");
  }

  @Test
  void deprecatedNamesAndPerMessageEventsMapLikeTheCurrentOnes() {
    OtlpSpan chat =
        span()
            .attr("gen_ai.operation.name", "chat")
            .attr("gen_ai.system", "anthropic")
            .attr("gen_ai.request.model", "claude-sonnet-4")
            .attr("gen_ai.usage.prompt_tokens", 40)
            .attr("gen_ai.usage.completion_tokens", 8)
            .attr("gen_ai.openai.request.seed", 7)
            .attr("session.id", "sess-old")
            .event("gen_ai.system.message", "content", "Be brief.")
            .event("gen_ai.user.message", "content", "Hi")
            .event(
                "gen_ai.choice",
                "finish_reason",
                "stop",
                "message",
                "{\"role\":\"assistant\",\"content\":\"Hello!\"}")
            .event("exception", "exception.message", "kept")
            .resource("service.name", "legacy-bot")
            .build();

    List<Event> events = map(chat);

    Event call = events.get(0);
    assertThat(call.sessionId()).isEqualTo("sess-old");
    assertThat(call.agentId()).isEqualTo("legacy-bot");
    JsonObject c = call.payload().tree();
    assertThat(c.string("provider")).isEqualTo("anthropic");
    assertThat(JsonWriter.write(c.get("messages")))
        .isEqualTo(
            "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}]");
    assertThat(c.string("systemPrompt")).isEqualTo("Be brief.");
    assertThat(c.object("parameters").get("seed")).hasToString("7");
    JsonObject r = events.get(1).payload().tree();
    assertThat(r.string("completion")).isEqualTo("Hello!");
    assertThat(r.string("finishReason")).isEqualTo("stop");
    assertThat(JsonWriter.write(r.get("usage")))
        .isEqualTo("{\"inputTokens\":40,\"outputTokens\":8,\"totalTokens\":48}");
    JsonArray kept = otel(call).array("events");
    assertThat(kept).hasSize(1);
    assertThat(((JsonObject) kept.get(0)).string("name")).isEqualTo("exception");
    assertThat(otel(call).object("attributes")).isEmpty();
  }

  @Test
  void whenBothNamesArePresentTheCurrentWinsAndTheOtherIsKept() {
    List<Event> events =
        map(
            span()
                .attr("gen_ai.operation.name", "chat")
                .attr("gen_ai.provider.name", "openai")
                .attr("gen_ai.system", "openai-legacy")
                .attr("gen_ai.usage.input_tokens", 10)
                .attr("gen_ai.usage.prompt_tokens", 11)
                .build());
    assertThat(events.get(0).payload().tree().string("provider")).isEqualTo("openai");
    assertThat(events.get(1).payload().tree().object("usage").get("inputTokens")).hasToString("10");
    assertThat(otel(events.get(0)).object("attributes").keySet())
        .containsExactly("gen_ai.system", "gen_ai.usage.prompt_tokens");
  }

  @Test
  void theInferenceDetailsEventCarriesTheContent() {
    List<Event> events =
        map(
            span()
                .attr("gen_ai.operation.name", "text_completion")
                .attr("gen_ai.request.model", "gpt-4o-mini")
                .event(
                    LlmContent.DETAILS,
                    "gen_ai.input.messages",
                    "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"2+2?\"}]}]",
                    "gen_ai.output.messages",
                    "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"4\"}],"
                        + "\"finish_reason\":\"stop\"}]")
                .build());
    JsonObject c = events.get(0).payload().tree();
    assertThat(c.string("provider")).as("inferred from the model").isEqualTo("openai");
    assertThat(JsonWriter.write(c.get("messages")))
        .isEqualTo("[{\"role\":\"user\",\"content\":\"2+2?\"}]");
    JsonObject r = events.get(1).payload().tree();
    assertThat(r.string("completion")).isEqualTo("4");
    assertThat(r.string("finishReason")).isEqualTo("stop");
    assertThat(otel(events.get(0)).array("events")).isEmpty();
  }

  @Test
  void openInferenceLlmAndToolSpans() {
    OtlpSpan llm =
        span()
            .name("ChatOpenAI")
            .attr("openinference.span.kind", "LLM")
            .attr("llm.model_name", "gpt-4o")
            .attr("llm.provider", "openai")
            .attr("llm.token_count.prompt", 21)
            .attr("llm.token_count.completion", 4)
            .attr("llm.token_count.total", 25)
            .attr("llm.token_count.prompt_details.cache_read", 3)
            .attr("llm.invocation_parameters", "{\"temperature\":0.5}")
            .attr("llm.input_messages.0.message.role", "system")
            .attr("llm.input_messages.0.message.content", "Answer in French.")
            .attr("llm.input_messages.1.message.role", "user")
            .attr("llm.input_messages.1.message.content", "Hello")
            .attr("llm.output_messages.0.message.role", "assistant")
            .attr("llm.output_messages.0.message.content", "Bonjour")
            .attr("input.value", "Hello")
            .attr("session.id", "oi-session")
            .build();
    OtlpSpan tool =
        span()
            .id("c0ffee0000000001")
            .name("lookup")
            .attr("openinference.span.kind", "TOOL")
            .attr("tool.name", "lookup")
            .attr("input.value", "{\"q\":\"shoes\"}")
            .attr("output.value", "{\"hits\":3}")
            .attr("session.id", "oi-session")
            .build();

    List<Event> events = map(llm, tool);

    assertThat(events)
        .extracting(Event::eventType)
        .containsExactly(
            EventType.LLM_CALL,
            EventType.LLM_RESPONSE,
            EventType.TOOL_CALL,
            EventType.TOOL_RESPONSE);
    JsonObject c = events.get(0).payload().tree();
    assertThat(c.string("model")).isEqualTo("gpt-4o");
    assertThat(c.string("provider")).isEqualTo("openai");
    assertThat(c.string("systemPrompt")).isEqualTo("Answer in French.");
    assertThat(c.array("messages")).hasSize(2);
    assertThat(c.object("parameters").get("temperature")).hasToString("0.5");
    JsonObject r = events.get(1).payload().tree();
    assertThat(r.string("completion")).isEqualTo("Bonjour");
    assertThat(JsonWriter.write(r.get("usage")))
        .isEqualTo(
            "{\"inputTokens\":21,\"outputTokens\":4,\"totalTokens\":25,\"cacheReadTokens\":3}");
    assertThat(otel(events.get(0)).object("attributes").keySet())
        .as("input.value was not needed: the messages came from llm.input_messages")
        .containsExactly("input.value");
    JsonObject toolCall = events.get(2).payload().tree();
    assertThat(toolCall.string("toolName")).isEqualTo("lookup");
    assertThat(toolCall.string("callId")).isEqualTo("c0ffee0000000001");
    assertThat(JsonWriter.write(toolCall.get("arguments"))).isEqualTo("{\"q\":\"shoes\"}");
    assertThat(JsonWriter.write(events.get(3).payload().tree().get("result")))
        .isEqualTo("{\"hits\":3}");
    assertThat(events).allMatch(e -> e.sessionId().equals("oi-session"));
  }

  @Test
  void aFailedToolSpanIsAToolErrorAndOtherSpansAreCustomEvents() {
    OtlpSpan tool =
        span()
            .name("execute_tool get_weather")
            .attr("gen_ai.operation.name", "execute_tool")
            .attr("gen_ai.tool.call.id", "call_9")
            .attr("gen_ai.tool.call.arguments", "{\"city\":\"Paris\"}")
            .attr("error.type", "TimeoutError")
            .error("")
            .event("exception", "exception.message", "upstream timed out")
            .build();
    OtlpSpan http =
        span().id("1111111111111111").name("GET /health").attr("http.status_code", 200).build();

    List<Event> events = map(tool, http);

    assertThat(events)
        .extracting(Event::eventType)
        .containsExactly(EventType.TOOL_CALL, EventType.TOOL_ERROR, EventType.CUSTOM);
    JsonObject err = events.get(1).payload().tree();
    assertThat(err.string("toolName")).isEqualTo("get_weather");
    assertThat(err.string("callId")).isEqualTo("call_9");
    assertThat(err.string("error")).isEqualTo("upstream timed out");
    assertThat(err.string("errorCode")).isEqualTo("TimeoutError");
    assertThat(err.get("durationMs")).hasToString("1250");
    assertThat(events.get(1).severity()).isEqualTo(Severity.ERROR);
    assertThat(events.get(0).severity()).isEqualTo(Severity.INFO);
    Event custom = events.get(2);
    assertThat(custom.id()).isEqualTo(TRACE + "-1111111111111111");
    assertThat(custom.sessionId()).as("no session attribute: the trace").isEqualTo(TRACE);
    assertThat(custom.agentId()).isEqualTo("otel");
    assertThat(custom.payload().tree().string("type")).isEqualTo("otel.span");
    assertThat(custom.payload().tree().object("data").string("name")).isEqualTo("GET /health");
    assertThat(otel(custom).object("attributes").get("http.status_code")).hasToString("200");
  }

  @Test
  void aFailedLlmSpanHasSeverityErrorAndStaysComplete() {
    List<Event> events =
        map(span().attr("gen_ai.operation.name", "chat").error("rate limited").build());
    JsonObject call = events.get(0).payload().tree();
    assertThat(call.string("provider")).isEqualTo("unknown");
    assertThat(call.string("model")).isEqualTo("unknown");
    assertThat(call.array("messages")).hasSize(1);
    JsonObject r = events.get(1).payload().tree();
    assertThat(r.string("finishReason")).isEqualTo("error");
    assertThat(r.string("error")).isEqualTo("rate limited");
    assertThat(r.containsKey("completion")).isTrue();
    assertThat(r.get("completion")).isNull();
    assertThat(events.get(1).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void spansWithoutValidIdsOrWithNulAreRefusedAndCounted() {
    MappedSpans mapped =
        mapper.map(
            List.of(
                span().trace("").build(),
                span().id("0000000000000000").build(),
                span().attr("x", "bad\u0000").build(),
                span().id("2222222222222222").build()),
            "org-1",
            NOW);
    assertThat(mapped.rejectedSpans()).isEqualTo(3);
    assertThat(mapped.message()).contains("trace id");
    assertThat(mapped.events()).hasSize(1);
  }

  @Test
  void hugeContentIsShortenedKeepingTheCallAndHugeMetadataIsStubbed() {
    String big = "x".repeat(50_000);
    List<Event> events =
        map(
            span()
                .attr("gen_ai.operation.name", "chat")
                .attr("gen_ai.request.model", "gpt-4o")
                .attr("gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"" + big + "\"}]")
                .attr("unmapped.blob", "y".repeat(70_000))
                .build());
    JsonObject c = events.get(0).payload().tree();
    assertThat(c.string("model")).isEqualTo("gpt-4o");
    assertThat(c.get("contentTruncated")).isEqualTo(true);
    assertThat(events.get(0).payload().utf8Length()).isLessThanOrEqualTo(10_240);
    assertThat(otel(events.get(0)).object("attributes").get("_truncated")).isEqualTo(true);
    assertThat(events.get(0).metadata().utf8Length()).isLessThanOrEqualTo(60 * 1024);
  }

  @Test
  void identityIsCleanedToWhatStorageAccepts() {
    Event e =
        map(span()
                .attr("session.id", "a\nb" + "z".repeat(300))
                .attr("gen_ai.agent.name", " ")
                .build())
            .get(0);
    assertThat(e.sessionId()).startsWith("a b").hasSize(256);
    assertThat(e.agentId()).isEqualTo("otel");
  }
}
