package ai.agentlens.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one-line summaries of reference §4.3.7, their limits, and the skipped types. */
class EventSummariesTest {

  static Event event(EventType type, String payload) {
    return Event.unwritten(
        "e1",
        "org",
        "s1",
        "a1",
        type,
        Severity.INFO,
        Instant.parse("2026-01-01T00:00:00Z"),
        payload,
        "{}");
  }

  private static String line(EventType type, String payload) {
    return EventSummaries.of(event(type, payload)).orElse(null);
  }

  @Test
  void toolCallShowsNameAndCompactArguments() {
    assertThat(
            line(
                EventType.TOOL_CALL,
                "{\"toolName\":\"refund\",\"callId\":\"c\",\"arguments\":{\"amount\": 12,\"why\":\"late\"}}"))
        .isEqualTo("tool_call: refund({\"amount\":12,\"why\":\"late\"})");
  }

  @Test
  void argumentsAreCutAt200AndErrorsAt300() {
    String big = "x".repeat(500);
    String call =
        line(
            EventType.TOOL_CALL,
            "{\"toolName\":\"t\",\"callId\":\"c\",\"arguments\":{\"a\":\"" + big + "\"}}");
    assertThat(call).isEqualTo("tool_call: t(" + ("{\"a\":\"" + big).substring(0, 200) + ")");
    String err =
        line(
            EventType.TOOL_ERROR,
            "{\"toolName\":\"t\",\"callId\":\"c\",\"error\":\"" + big + "\",\"durationMs\":1}");
    assertThat(err).isEqualTo("tool_error: t - " + "x".repeat(300));
  }

  @Test
  void llmCallShowsModelAndFirstUserMessage() {
    String p =
        "{\"callId\":\"c\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"be nice\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"I want a refund\"}]},"
            + "{\"role\":\"user\",\"content\":\"second\"}]}";
    assertThat(line(EventType.LLM_CALL, p)).isEqualTo("llm_call: gpt-4o - I want a refund");
  }

  @Test
  void llmResponseShowsCompletionOrToolCallNames() {
    assertThat(
            line(
                EventType.LLM_RESPONSE, "{\"model\":\"m\",\"completion\":\"Sure,\\nhere you go\"}"))
        .isEqualTo("llm_response: m - Sure, here you go");
    assertThat(
            line(
                EventType.LLM_RESPONSE,
                "{\"model\":\"m\",\"completion\":null,\"toolCalls\":[{\"id\":\"1\",\"name\":\"search\",\"arguments\":{}}]}"))
        .isEqualTo("llm_response: m - tool calls: search");
  }

  @Test
  void evalResultAndOtherTextualTypes() {
    assertThat(
            line(
                EventType.EVAL_RESULT,
                "{\"scorerType\":\"exact\",\"score\":0.5,\"passed\":false,\"reasoning\":\"off by one\"}"))
        .isEqualTo("eval_result: exact score=0.5 failed - off by one");
    assertThat(line(EventType.SESSION_ENDED, "{\"reason\":\"completed\",\"summary\":\"done\"}"))
        .isEqualTo("session_ended: completed - done");
    assertThat(line(EventType.RETRIEVAL, "{\"query\":\"shipping policy\"}"))
        .isEqualTo("retrieval: shipping policy");
  }

  @Test
  void typesWithoutTextAndEmptyTextsAreSkipped() {
    assertThat(EventSummaries.of(event(EventType.SESSION_STARTED, "{}"))).isEmpty();
    assertThat(
            EventSummaries.of(
                event(
                    EventType.COST_TRACKED, "{\"provider\":\"p\",\"model\":\"m\",\"costUsd\":1}")))
        .isEmpty();
    assertThat(EventSummaries.of(event(EventType.RETRIEVAL, "{\"query\":\"  \"}"))).isEmpty();
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    String s = "a".repeat(199) + "😀";
    assertThat(EventSummaries.cut(s, 200)).isEqualTo("a".repeat(199));
  }
}
