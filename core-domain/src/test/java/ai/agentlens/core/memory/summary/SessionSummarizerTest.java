package ai.agentlens.core.memory.summary;

import static ai.agentlens.core.memory.MemoryFixtures.T0;
import static ai.agentlens.core.memory.MemoryFixtures.ev;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.memory.model.KeyEvent;
import ai.agentlens.core.memory.model.Outcome;
import ai.agentlens.core.memory.model.SessionSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSummarizerTest {

  private static final Instant NOW = Instant.parse("2026-02-02T00:00:00Z");

  private static List<Event> session(String reason) {
    return List.of(
        ev("s", 0, EventType.SESSION_STARTED, Severity.INFO, "{}", "{\"userId\":\"u-7\"}"),
        ev(
            "s",
            1,
            EventType.LLM_CALL,
            "{\"callId\":\"c\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"user\",\"content\":\"Refund the refund request for invoice 42\"}]}"),
        ev(
            "s",
            2,
            EventType.TOOL_CALL,
            "{\"toolName\":\"lookup\",\"callId\":\"a\",\"arguments\":{\"id\":42}}"),
        ev(
            "s",
            3,
            EventType.TOOL_ERROR,
            "{\"toolName\":\"lookup\",\"callId\":\"a\",\"error\":\"timeout\",\"durationMs\":5}"),
        ev(
            "s",
            4,
            EventType.TOOL_CALL,
            "{\"toolName\":\"lookup\",\"callId\":\"b\",\"arguments\":{}}"),
        ev("s", 5, EventType.TOOL_CALL, "{\"toolName\":\"pay\",\"callId\":\"c\",\"arguments\":{}}"),
        ev(
            "s",
            9,
            EventType.SESSION_ENDED,
            "{\"reason\":\"" + reason + "\",\"summary\":\"done\"}"));
  }

  @Test
  void summarizesASessionDeterministically() {
    SessionSummary s = SessionSummarizer.summarize(session("completed"), NOW);
    assertThat(s).isEqualTo(SessionSummarizer.summarize(session("completed"), NOW));
    assertThat(s.orgId()).isEqualTo("org-1");
    assertThat(s.sessionId()).isEqualTo("s");
    assertThat(s.userId()).isEqualTo("u-7");
    assertThat(s.startedAt()).isEqualTo(T0);
    assertThat(s.endedAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(s.toolSequence()).containsExactly("lookup", "lookup", "pay");
    assertThat(s.topics()).startsWith("lookup", "refund").contains("invoice", "request", "pay");
    assertThat(s.topics()).doesNotContain("the", "brief");
    assertThat(s.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(s.errorCount()).isEqualTo(1);
    assertThat(s.eventCount()).isEqualTo(7);
    assertThat(s.errorSummary()).isEqualTo("1 errors: tool_error: lookup - timeout");
    assertThat(s.summary())
        .isEqualTo(
            "Agent bot ran 7 events: 1 LLM call (gpt-4o), 3 tool calls (lookup, pay), 1 error"
                + " (1 errors: tool_error: lookup - timeout). Ended: completed. Outcome: partial."
                + " Duration: 9000 ms. Agent's summary: done");
    assertThat(s.keyEvents())
        .extracting(KeyEvent::eventType)
        .containsExactly("llm_call", "tool_call", "tool_error", "session_ended");
    assertThat(s.keyEvents().get(0).summary())
        .isEqualTo("llm_call: gpt-4o - Refund the refund request for invoice 42");
    assertThat(s.keyEvents().get(1).summary()).isEqualTo("tool_call: lookup({\"id\":42})");
    assertThat(s.createdAt()).isEqualTo(NOW);
  }

  @Test
  void outcomesFollowTheReasonAndTheErrors() {
    assertThat(SessionSummarizer.summarize(session("error"), NOW).outcome())
        .isEqualTo(Outcome.ERROR);
    assertThat(SessionSummarizer.summarize(session("timeout"), NOW).outcome())
        .isEqualTo(Outcome.TIMEOUT);
    assertThat(SessionSummarizer.summarize(session("manual"), NOW).outcome())
        .isEqualTo(Outcome.ABANDONED);
    assertThat(SessionSummarizer.outcome("completed", 0)).isEqualTo(Outcome.SUCCESS);
    assertThat(SessionSummarizer.outcome(null, 0)).isEqualTo(Outcome.SUCCESS);
    assertThat(SessionSummarizer.outcome(null, 2)).isEqualTo(Outcome.PARTIAL);
  }

  @Test
  void aSessionWithoutEndOrErrors() {
    SessionSummary s =
        SessionSummarizer.summarize(
            List.of(ev("q", 0, EventType.CUSTOM, "{\"type\":\"x\",\"data\":{}}")), NOW);
    assertThat(s.endedAt()).isNull();
    assertThat(s.errorSummary()).isNull();
    assertThat(s.userId()).isNull();
    assertThat(s.topics()).isEmpty();
    assertThat(s.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(s.summary()).contains("Ended: not reported.");
    assertThat(s.keyEvents()).isEmpty();
  }

  @Test
  void severityErrorCountsAsAnError() {
    Event warn =
        ev("w", 0, EventType.CUSTOM, Severity.CRITICAL, "{\"type\":\"x\",\"data\":{}}", "{}");
    assertThat(SessionSummarizer.isError(warn)).isTrue();
    assertThat(SessionSummarizer.summarize(List.of(warn), NOW).errorCount()).isEqualTo(1);
  }

  @Test
  void termsDropStopWordsAndShortWords() {
    assertThat(Terms.of("How do I get the REFUND for order #42, ok?"))
        .containsExactly("refund", "order");
    assertThat(Terms.distinct("refund refund order")).containsExactly("refund", "order");
    assertThat(Terms.of(null)).isEmpty();
  }
}
