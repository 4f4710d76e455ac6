package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.memory.ReflectReads;
import ai.agentlens.core.port.memory.ReflectReads.CostGroup;
import ai.agentlens.core.port.memory.ReflectReads.DayStats;
import ai.agentlens.core.port.memory.ReflectReads.Filter;
import ai.agentlens.core.port.memory.ReflectReads.ToolStep;
import ai.agentlens.core.port.memory.ReflectReads.Totals;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@link ReflectReads} contract on two sessions over two days: totals, error rows with their
 * tool and message, tool steps in session order, LLM spend per (agent, model), the most expensive
 * sessions and per-day figures all read the stored events' JSON the same way on every backend; the
 * agent filter and the time range hold; another org reads nothing.
 */
public abstract class ReflectReadsContract extends StorageContract {

  private static final Instant DAY1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant DAY2 = DAY1.plusSeconds(86_400);
  private String org;

  private ReflectReads reads() {
    return provider.memory().reflect();
  }

  @BeforeAll
  void seed() {
    org = newOrg().id();
    stores
        .events()
        .append(
            batch(
                org,
                List.of(
                    ev(
                        "s1",
                        "a",
                        EventType.LLM_RESPONSE,
                        DAY1.plusSeconds(10),
                        llm("gpt-4o", 0.02, 1000)),
                    ev("s1", "a", EventType.TOOL_CALL, DAY1.plusSeconds(20), call("search", "c1")),
                    ev(
                        "s1",
                        "a",
                        EventType.TOOL_ERROR,
                        DAY1.plusSeconds(21),
                        "{\"toolName\":\"search\",\"callId\":\"c1\","
                            + "\"error\":\"timeout after 3000 ms\",\"durationMs\":5}"),
                    ev(
                        "s2",
                        "b",
                        EventType.LLM_RESPONSE,
                        DAY2.plusSeconds(10),
                        llm("gpt-4o-mini", 0.01, 500)),
                    ev(
                        "s2",
                        "b",
                        EventType.TOOL_CALL,
                        DAY2.plusSeconds(20),
                        call("search", "c2")))));
  }

  private Event ev(String session, String agent, EventType type, Instant at, String payload) {
    return Event.unwritten(id("evt"), org, session, agent, type, Severity.INFO, at, payload, "{}");
  }

  private static String llm(String model, double cost, int latency) {
    return "{\"callId\":\"x\",\"provider\":\"openai\",\"model\":\""
        + model
        + "\",\"completion\":\"ok\",\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":100,"
        + "\"outputTokens\":10,\"totalTokens\":110},\"costUsd\":"
        + cost
        + ",\"latencyMs\":"
        + latency
        + "}";
  }

  private static String call(String tool, String callId) {
    return "{\"toolName\":\"" + tool + "\",\"callId\":\"" + callId + "\",\"arguments\":{}}";
  }

  private Filter all() {
    return new Filter(org, null, DAY1, DAY2.plusSeconds(86_400));
  }

  @Test
  void totalsErrorsAndToolSteps() {
    assertThat(reads().totals(all())).isEqualTo(new Totals(2, 5));
    assertThat(reads().totals(new Filter(org, "b", DAY1, DAY2.plusSeconds(86_400))))
        .isEqualTo(new Totals(1, 2));
    assertThat(reads().totals(new Filter(org, null, DAY2, DAY2.plusSeconds(86_400))))
        .isEqualTo(new Totals(1, 2));
    var errors = reads().errors(all(), 10);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).toolName()).isEqualTo("search");
    assertThat(errors.get(0).message()).isEqualTo("timeout after 3000 ms");
    assertThat(errors.get(0).sessionId()).isEqualTo("s1");
    assertThat(errors.get(0).eventType()).isEqualTo("tool_error");
    List<ToolStep> steps = reads().toolSteps(all(), 10);
    assertThat(steps)
        .extracting(ToolStep::sessionId, ToolStep::toolName, ToolStep::callId, ToolStep::error)
        .containsExactly(
            tuple("s1", "search", "c1", false),
            tuple("s1", "search", "c1", true),
            tuple("s2", "search", "c2", false));
    assertThat(reads().toolSteps(all(), 1)).extracting(ToolStep::sessionId).containsExactly("s2");
  }

  @Test
  void spendSessionsAndDays() {
    List<CostGroup> groups = reads().costGroups(all());
    assertThat(groups).extracting(CostGroup::agentId).containsExactly("a", "b");
    assertThat(groups.get(0).model()).isEqualTo("gpt-4o");
    assertThat(groups.get(0).calls()).isEqualTo(1);
    assertThat(groups.get(0).costUsd()).isCloseTo(0.02, Offset.offset(1e-9));
    assertThat(groups.get(0).inputTokens()).isEqualTo(100);
    assertThat(groups.get(0).outputTokens()).isEqualTo(10);
    var top = reads().topSessions(all(), 5);
    assertThat(top).extracting(s -> s.sessionId()).containsExactly("s1", "s2");
    assertThat(top.get(0).costUsd()).isCloseTo(0.02, Offset.offset(1e-9));
    assertThat(reads().topSessions(all(), 1)).hasSize(1);
    List<DayStats> days = reads().daily(all());
    assertThat(days).extracting(DayStats::day).containsExactly(DAY1, DAY2);
    assertThat(days.get(0).events()).isEqualTo(3);
    assertThat(days.get(0).errors()).isEqualTo(1);
    assertThat(days.get(0).costUsd()).isCloseTo(0.02, Offset.offset(1e-9));
    assertThat(days.get(0).llmResponses()).isEqualTo(1);
    assertThat(days.get(0).latencySumMs()).isCloseTo(1000, Offset.offset(1e-9));
    assertThat(days.get(1).errors()).isZero();
  }

  @Test
  void anotherOrgOrNoneReadsNothing() {
    Filter other = new Filter(newOrg().id(), null, DAY1, DAY2.plusSeconds(86_400));
    assertThat(reads().totals(other)).isEqualTo(new Totals(0, 0));
    assertThat(reads().errors(other, 10)).isEmpty();
    assertThat(reads().costGroups(other)).isEmpty();
    assertThat(reads().daily(other)).isEmpty();
    assertThat(reads().topSessions(other, 5)).isEmpty();
    assertThat(reads().toolSteps(new Filter(null, null, DAY1, DAY2), 10)).isEmpty();
  }
}
