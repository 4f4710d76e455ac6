package ai.agentlens.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pairing, cumulative context, filter and paging on a fixture session of ten events: a start, two
 * LLM calls with responses (the second slow and dear), a tool call answered, a tool call that
 * fails, an approval granted, a cost event and an end.
 */
class ReplayBuilderTest {

  private static final Instant T0 = Instant.parse("2026-02-08T10:30:00Z");

  private static Event ev(int ms, EventType type, Severity severity, String payload) {
    return Event.unwritten(
        "e" + String.format("%02d", ms / 100),
        "org",
        "ses",
        "bot",
        type,
        severity,
        T0.plusMillis(ms),
        payload,
        "{}");
  }

  static List<Event> fixture() {
    List<Event> list = new ArrayList<>();
    list.add(ev(0, EventType.SESSION_STARTED, Severity.INFO, "{\"agentName\":\"Bot\"}"));
    list.add(
        ev(
            100,
            EventType.LLM_CALL,
            Severity.INFO,
            "{\"callId\":\"c1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    list.add(
        ev(
            1300,
            EventType.LLM_RESPONSE,
            Severity.INFO,
            "{\"callId\":\"c1\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"completion\":\"hello\","
                + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":10,\"outputTokens\":5,"
                + "\"totalTokens\":15},\"costUsd\":0.25,\"latencyMs\":1200}"));
    list.add(
        ev(
            1400,
            EventType.TOOL_CALL,
            Severity.INFO,
            "{\"toolName\":\"search\",\"callId\":\"t1\",\"arguments\":{\"q\":\"x\"}}"));
    list.add(
        ev(
            1900,
            EventType.TOOL_RESPONSE,
            Severity.INFO,
            "{\"toolName\":\"search\",\"callId\":\"t1\",\"result\":[1,2],\"durationMs\":500}"));
    list.add(
        ev(
            2000,
            EventType.TOOL_CALL,
            Severity.INFO,
            "{\"toolName\":\"write\",\"callId\":\"t2\",\"arguments\":{}}"));
    list.add(
        ev(
            2100,
            EventType.TOOL_ERROR,
            Severity.ERROR,
            "{\"toolName\":\"write\",\"callId\":\"t2\",\"error\":\"disk full\",\"durationMs\":100}"));
    list.add(
        ev(
            2200,
            EventType.APPROVAL_REQUESTED,
            Severity.INFO,
            "{\"requestId\":\"r1\",\"action\":\"deploy\",\"params\":{},\"urgency\":\"high\"}"));
    list.add(
        ev(
            2500,
            EventType.APPROVAL_GRANTED,
            Severity.INFO,
            "{\"requestId\":\"r1\",\"action\":\"deploy\",\"decidedBy\":\"ann\"}"));
    list.add(
        ev(
            2600,
            EventType.LLM_CALL,
            Severity.INFO,
            "{\"callId\":\"c2\",\"provider\":\"anthropic\",\"model\":\"claude\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"again\"}]}"));
    list.add(
        ev(
            42600,
            EventType.LLM_RESPONSE,
            Severity.WARN,
            "{\"callId\":\"c2\",\"provider\":\"anthropic\",\"model\":\"claude\",\"completion\":null,"
                + "\"finishReason\":\"length\",\"usage\":{\"inputTokens\":1,\"outputTokens\":1,"
                + "\"totalTokens\":2},\"costUsd\":1.5,\"latencyMs\":40000}"));
    list.add(
        ev(
            42700,
            EventType.COST_TRACKED,
            Severity.INFO,
            "{\"provider\":\"x\",\"model\":\"y\",\"inputTokens\":0,\"outputTokens\":0,"
                + "\"totalTokens\":0,\"costUsd\":0.05}"));
    list.add(ev(43000, EventType.SESSION_ENDED, Severity.INFO, "{\"reason\":\"completed\"}"));
    return list;
  }

  @Test
  void pairsCallsWithResponsesToolsWithResultsAndApprovalsWithDecisions() {
    var page = ReplayBuilder.build(fixture(), ReplayQuery.defaults());
    List<ReplayStep> s = page.steps();
    assertThat(page.totalSteps()).isEqualTo(13);
    assertThat(page.hasMore()).isFalse();
    assertThat(s.get(1).pairedEvent().id()).isEqualTo(s.get(2).event().id());
    assertThat(s.get(2).pairedEvent().id()).isEqualTo(s.get(1).event().id());
    assertThat(s.get(1).pairDurationMs()).isEqualTo(1200L);
    assertThat(s.get(3).pairedEvent().eventType()).isEqualTo(EventType.TOOL_RESPONSE);
    assertThat(s.get(3).pairDurationMs()).isEqualTo(500L);
    assertThat(s.get(5).pairedEvent().eventType()).isEqualTo(EventType.TOOL_ERROR);
    assertThat(s.get(7).pairedEvent().eventType()).isEqualTo(EventType.APPROVAL_GRANTED);
    assertThat(s.get(7).pairDurationMs()).isEqualTo(300L);
    assertThat(s.get(0).pairedEvent()).isNull();
    assertThat(s.get(0).pairDurationMs()).isNull();
    assertThat(s.get(11).pairedEvent()).isNull();
  }

  @Test
  void contextAccumulatesCostHistoryToolsApprovalsAndErrors() {
    List<ReplayStep> s = ReplayBuilder.build(fixture(), ReplayQuery.defaults()).steps();
    ReplayContext afterCall = s.get(1).context();
    assertThat(afterCall.eventIndex()).isEqualTo(1);
    assertThat(afterCall.totalEvents()).isEqualTo(13);
    assertThat(afterCall.cumulativeCostUsd()).isZero();
    assertThat(afterCall.llmHistory()).hasSize(1);
    assertThat(afterCall.llmHistory().get(0).responded()).isFalse();
    assertThat(JsonWriter.write(afterCall.llmHistory().get(0).messages()))
        .isEqualTo("[{\"role\":\"user\",\"content\":\"hi\"}]");

    ReplayContext afterResponse = s.get(2).context();
    assertThat(afterResponse.cumulativeCostUsd()).isEqualTo(0.25);
    assertThat(afterResponse.elapsedMs()).isEqualTo(1300);
    assertThat(afterResponse.llmHistory().get(0).response()).isEqualTo("hello");
    assertThat(afterResponse.llmHistory().get(0).latencyMs()).isEqualTo(1200);
    // the earlier step's snapshot is not changed by later events
    assertThat(afterCall.llmHistory().get(0).response()).isNull();

    ReplayContext afterToolCall = s.get(3).context();
    assertThat(afterToolCall.toolResults())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.completed()).isFalse();
              assertThat(JsonWriter.write(t.arguments())).isEqualTo("{\"q\":\"x\"}");
            });
    ReplayContext afterError = s.get(6).context();
    assertThat(afterError.toolResults()).hasSize(2);
    assertThat(afterError.toolResults().get(0).result()).isNotNull();
    assertThat(afterError.toolResults().get(0).durationMs()).isEqualTo(500.0);
    assertThat(afterError.toolResults().get(1).error()).isEqualTo("disk full");
    assertThat(afterError.toolResults().get(1).completed()).isTrue();
    assertThat(afterError.errorCount()).isEqualTo(1);

    assertThat(s.get(7).context().pendingApprovals())
        .containsExactly(new ApprovalState("r1", "deploy", "pending"));
    assertThat(s.get(8).context().pendingApprovals())
        .containsExactly(new ApprovalState("r1", "deploy", "granted"));

    ReplayContext slow = s.get(10).context();
    assertThat(slow.cumulativeCostUsd()).isEqualTo(1.75);
    assertThat(slow.warnings())
        .containsExactly("Slow LLM call c2: 40000 ms", "Expensive LLM call c2: $1.5000");
    assertThat(s.get(11).context().warnings()).isEmpty();
    ReplayContext end = s.get(12).context();
    assertThat(end.cumulativeCostUsd()).isEqualTo(1.8, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(end.eventCounts())
        .containsEntry("llm_call", 2L)
        .containsEntry("tool_call", 2L)
        .containsEntry("session_ended", 1L);
    assertThat(new ArrayList<>(end.eventCounts().keySet())).isSorted();
  }

  @Test
  void summaryCoversTheWholeSession() {
    ReplaySummary sum =
        ReplayBuilder.build(fixture(), new ReplayQuery(0, 1, Set.of(EventType.CUSTOM), false))
            .summary();
    assertThat(sum.totalCost()).isEqualTo(1.8, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(sum.totalDurationMs()).isEqualTo(43000);
    assertThat(sum.totalLlmCalls()).isEqualTo(2);
    assertThat(sum.totalToolCalls()).isEqualTo(2);
    assertThat(sum.totalErrors()).isEqualTo(1);
    assertThat(sum.models()).containsExactly("gpt-4o", "claude");
    assertThat(sum.tools()).containsExactly("search", "write");
  }

  @Test
  void filterAndPagingNumberTheKeptStepsButCountEveryEventInTheContext() {
    var q = new ReplayQuery(1, 2, Set.of(EventType.LLM_CALL, EventType.LLM_RESPONSE), true);
    var page = ReplayBuilder.build(fixture(), q);
    assertThat(page.totalSteps()).isEqualTo(4);
    assertThat(page.hasMore()).isTrue();
    assertThat(page.steps()).extracting(ReplayStep::index).containsExactly(1, 2);
    assertThat(page.steps())
        .extracting(st -> st.event().eventType())
        .containsExactly(EventType.LLM_RESPONSE, EventType.LLM_CALL);
    ReplayStep second = page.steps().get(1);
    assertThat(second.context().eventIndex()).isEqualTo(9);
    assertThat(second.context().toolResults()).hasSize(2);
    assertThat(second.context().eventCounts()).containsEntry("tool_error", 1L);

    var last = ReplayBuilder.build(fixture(), new ReplayQuery(3, 2, q.eventTypes(), false));
    assertThat(last.steps()).hasSize(1);
    assertThat(last.hasMore()).isFalse();
    assertThat(last.steps().get(0).context()).isNull();
    assertThat(ReplayBuilder.build(fixture(), new ReplayQuery(99, 5, Set.of(), true)).steps())
        .isEmpty();
  }

  @Test
  void repeatedIdsPairOnlyTheFirstHalvesAndResponsesWithoutCallsStillCount() {
    List<Event> events = new ArrayList<>();
    events.add(
        ev(
            0,
            EventType.TOOL_CALL,
            Severity.INFO,
            "{\"toolName\":\"a\",\"callId\":\"x\",\"arguments\":{}}"));
    events.add(
        ev(
            100,
            EventType.TOOL_CALL,
            Severity.INFO,
            "{\"toolName\":\"a\",\"callId\":\"x\",\"arguments\":{}}"));
    events.add(
        ev(
            200,
            EventType.TOOL_RESPONSE,
            Severity.INFO,
            "{\"toolName\":\"a\",\"callId\":\"x\",\"result\":1,\"durationMs\":1}"));
    events.add(
        ev(
            300,
            EventType.LLM_RESPONSE,
            Severity.INFO,
            "{\"callId\":\"orphan\",\"provider\":\"p\",\"model\":\"m\",\"completion\":\"c\","
                + "\"finishReason\":\"stop\",\"usage\":{},\"costUsd\":0.5,\"latencyMs\":1}"));
    var s = ReplayBuilder.build(events, ReplayQuery.defaults()).steps();
    assertThat(s.get(0).pairedEvent().id()).isEqualTo(s.get(2).event().id());
    assertThat(s.get(1).pairedEvent()).isNull();
    assertThat(s.get(3).pairedEvent()).isNull();
    assertThat(s.get(3).context().llmHistory())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.messages()).isNull();
              assertThat(x.response()).isEqualTo("c");
            });
    assertThat(s.get(3).context().cumulativeCostUsd()).isEqualTo(0.5);
    assertThat(s.get(3).context().eventCounts())
        .isEqualTo(Map.of("tool_call", 2L, "tool_response", 1L, "llm_response", 1L));
  }

  @Test
  void queryBoundsAreChecked() {
    assertThatThrownBy(() -> new ReplayQuery(-1, 10, Set.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReplayQuery(0, 0, Set.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReplayQuery(0, 5001, Set.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
