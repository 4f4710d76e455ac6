package ai.agentlens.core.memory.reflect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.agentlens.core.port.memory.ReflectReads.CostGroup;
import ai.agentlens.core.port.memory.ReflectReads.DayStats;
import ai.agentlens.core.port.memory.ReflectReads.ErrorRow;
import ai.agentlens.core.port.memory.ReflectReads.SessionCost;
import ai.agentlens.core.port.memory.ReflectReads.ToolStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four pure analyses of reflect on small fixtures with hand-computed answers. */
class AnalysesTest {

  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

  private static ErrorRow err(String session, String tool, String message, int second) {
    return new ErrorRow(
        "e" + second, session, "bot", "tool_error", tool, message, T.plusSeconds(second));
  }

  @Test
  void normalizingKeepsTheShapeOfAMessage() {
    assertThat(ErrorPatterns.normalize("Timeout after 3000 ms")).isEqualTo("timeout after <n> ms");
    assertThat(ErrorPatterns.normalize("User 'bob' not found (id 7f3a9c1b2d4e5f60)"))
        .isEqualTo("user <str> not found (id <id>)");
    assertThat(ErrorPatterns.normalize("row 123e4567-e89b-12d3-a456-426614174000 locked"))
        .isEqualTo("row <id> locked");
    assertThat(ErrorPatterns.normalize("  ")).isEqualTo("(no message)");
    assertThat(ErrorPatterns.normalize("x".repeat(300))).hasSize(200);
  }

  @Test
  void errorPatternsGroupByToolAndPatternMostFrequentFirst() {
    List<Insight> out =
        ErrorPatterns.analyze(
            List.of(
                err("s1", "db", "Timeout after 3000 ms", 1),
                err("s2", "db", "timeout after 50 ms", 2),
                err("s2", "db", "Timeout after 7 ms", 3),
                err("s3", "http", "Timeout after 3000 ms", 4),
                err("s3", null, null, 5)),
            10);
    assertThat(out).hasSize(3);
    Map<String, Object> top = out.get(0).data();
    assertThat(top.get("pattern")).isEqualTo("timeout after <n> ms");
    assertThat(top.get("toolName")).isEqualTo("db");
    assertThat(top.get("count")).isEqualTo(3L);
    assertThat(top.get("sessions")).isEqualTo(2L);
    assertThat(top.get("firstSeen")).isEqualTo(T.plusSeconds(1).toString());
    assertThat(top.get("lastSeen")).isEqualTo(T.plusSeconds(3).toString());
    assertThat(top.get("exampleMessage")).isEqualTo("Timeout after 7 ms");
    assertThat(out.get(0).confidence()).isEqualTo(0.65);
    assertThat(out.get(0).summary())
        .isEqualTo("Error 'timeout after <n> ms' in tool db occurred 3 times in 2 sessions.");
    assertThat(out.get(1).data().get("toolName")).as("ties by tool name, no tool first").isNull();
    assertThat(out.get(1).data().get("pattern")).isEqualTo("tool_error");
    assertThat(ErrorPatterns.analyze(List.of(), 10)).isEmpty();
    assertThat(ErrorPatterns.analyze(List.of(err("s", "a", "x", 1), err("s", "b", "y", 2)), 1))
        .hasSize(1);
  }

  private static ToolStep call(String s, long seq, String tool, String id) {
    return new ToolStep(s, seq, tool, id, false);
  }

  private static ToolStep fail(String s, long seq, String tool, String id) {
    return new ToolStep(s, seq, tool, id, true);
  }

  @Test
  void toolSequencesCountNgramsAcrossSessionsWithErrorRates() {
    List<Insight> out =
        ToolSequences.analyze(
            List.of(
                call("a", 1, "search", "1"),
                call("a", 2, "read", "2"),
                call("a", 3, "write", "3"),
                fail("a", 4, "write", "3"),
                call("b", 1, "search", "4"),
                call("b", 2, "read", "5"),
                call("b", 3, "write", "6"),
                call("c", 1, "search", "7"),
                call("c", 2, "read", "8")),
            10);
    assertThat(out)
        .extracting(i -> i.data().get("sequence").toString() + "x" + i.data().get("frequency"))
        .containsExactly("[search, read]x3", "[search, read, write]x2", "[read, write]x2");
    assertThat(out.get(0).data().get("errorRate")).isEqualTo(0.0);
    assertThat(out.get(1).data().get("errorRate")).isEqualTo(0.5);
    assertThat(out.get(1).data().get("sessions")).isEqualTo(2L);
    assertThat(out.get(1).summary())
        .isEqualTo(
            "Sequence search → read → write ran 2 times in 2 sessions with an error rate of 50.0%.");
    assertThat(ToolSequences.analyze(List.of(call("a", 1, "x", "1"), call("a", 2, "y", "2")), 10))
        .as("a sequence seen once is not a pattern")
        .isEmpty();
  }

  @Test
  void costAnalysisByModelAgentAndTopSessions() {
    List<Insight> out =
        CostAnalysis.analyze(
            List.of(
                new CostGroup("a", "gpt-4o", 2, 0.06, 200, 20),
                new CostGroup("b", "gpt-4o", 1, 0.02, 100, 10),
                new CostGroup("b", "mini", 4, 0.02, 400, 40)),
            List.of(new SessionCost("s1", "a", T, 0.06, 5, 1)),
            10);
    assertThat(out)
        .extracting(Insight::type)
        .containsExactly(
            "cost_by_model", "cost_by_model", "cost_by_agent", "cost_by_agent", "top_session");
    Map<String, Object> gpt = out.get(0).data();
    assertThat(gpt.get("model")).isEqualTo("gpt-4o");
    assertThat((double) gpt.get("costUsd")).isCloseTo(0.08, within(1e-9));
    assertThat(gpt.get("calls")).isEqualTo(3L);
    assertThat(gpt.get("share")).isEqualTo(0.8);
    assertThat(gpt.get("avgCostPerCall")).isEqualTo(0.026667);
    assertThat(out.get(2).data().get("agentId")).isEqualTo("a");
    assertThat(out.get(2).summary())
        .isEqualTo("Agent a cost $0.0600 over 2 calls (60.0% of LLM spend).");
    assertThat(out.get(4).data().get("sessionId")).isEqualTo("s1");
    assertThat(CostAnalysis.analyze(List.of(), List.of(), 10)).isEmpty();
    assertThat(
            CostAnalysis.analyze(
                List.of(new CostGroup("a", "x", 1, 1, 0, 0), new CostGroup("b", "y", 1, 2, 0, 0)),
                List.of(),
                1))
        .hasSize(2);
  }

  private static DayStats day(
      int n, long events, long errors, double cost, long responses, double latency) {
    return new DayStats(T.plusSeconds(86_400L * n), events, errors, cost, responses, latency);
  }

  @Test
  void performanceTrendsCompareTheHalvesOfTheSeries() {
    List<Insight> out =
        PerformanceTrends.analyze(
            List.of(
                day(0, 10, 1, 1.0, 2, 2000),
                day(1, 10, 1, 1.0, 0, 0),
                day(2, 10, 3, 1.05, 1, 3000),
                day(3, 20, 1, 1.0, 1, 500)));
    assertThat(out)
        .extracting(Insight::type)
        .containsExactly("latency_trend", "error_rate_trend", "cost_trend");
    Map<String, Object> latency = out.get(0).data();
    assertThat(latency.get("days")).as("a day without responses has no latency").isEqualTo(3L);
    assertThat(latency.get("direction")).isEqualTo("decreasing");
    assertThat(latency.get("changePct")).isEqualTo(-50.0);
    assertThat(out.get(1).data().get("direction")).isEqualTo("increasing");
    assertThat(out.get(2).data().get("direction")).isEqualTo("stable");
    assertThat(out.get(2).confidence()).isEqualTo(0.7);
    assertThat(PerformanceTrends.direction(List.of(1.0))).isEqualTo("insufficient_data");
    assertThat(PerformanceTrends.direction(List.of(0.0, 0.0))).isEqualTo("stable");
    assertThat(PerformanceTrends.direction(List.of(0.0, 1.0))).isEqualTo("increasing");
    assertThat(PerformanceTrends.analyze(List.of()).get(0).summary()).contains("not enough days");
  }

  @Test
  void analysesParseByWireName() {
    assertThat(Analysis.parse("cost_analysis")).contains(Analysis.COST_ANALYSIS);
    assertThat(Analysis.parse("session_comparison")).isEmpty();
    assertThat(Analysis.wireNames())
        .containsExactly("error_patterns", "tool_sequences", "cost_analysis", "performance_trends");
  }
}
