package ai.agentlens.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.alerting.HealthAggregates;
import ai.agentlens.core.port.alerting.HealthAggregates.SessionTotals;
import ai.agentlens.core.port.alerting.HealthAggregates.ToolTotals;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.session.Agent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link AgentHealth} over per-agent totals: hand-computed scores, the overview's order and a
 * constant number of aggregate reads per org.
 */
class AgentHealthTest {

  private static final Instant NOW = Instant.parse("2026-03-14T00:00:00Z");
  private static final Instant FROM = Instant.parse("2026-03-07T00:00:00Z");
  private static final Instant BASE = Instant.parse("2026-02-12T00:00:00Z");
  private static final Instant PREV = Instant.parse("2026-02-28T00:00:00Z");

  /** Totals by range start; every call is recorded as "kind from agent". */
  private static final class Fake implements HealthAggregates {
    final Map<Instant, Map<String, SessionTotals>> sessions = new HashMap<>();
    final Map<Instant, Map<String, ToolTotals>> tools = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public Map<String, SessionTotals> sessions(String org, String agent, Instant from, Instant to) {
      calls.add("sessions " + from + " " + agent);
      return only(sessions.getOrDefault(from, Map.of()), agent);
    }

    @Override
    public Map<String, ToolTotals> tools(String org, String agent, Instant from, Instant to) {
      calls.add("tools " + from + " " + agent);
      return only(tools.getOrDefault(from, Map.of()), agent);
    }

    private static <T> Map<String, T> only(Map<String, T> m, String agent) {
      Map<String, T> out = new HashMap<>(m);
      out.keySet().removeIf(k -> agent != null && !k.equals(agent));
      return out;
    }
  }

  private static Agent agent(String id) {
    return new Agent("org", id, id, NOW, NOW, 1);
  }

  private final Fake fake = new Fake();
  private final AgentStore agents =
      new AgentStore() {
        @Override
        public Optional<Agent> find(String orgId, String agentId) {
          return Optional.empty();
        }

        @Override
        public List<Agent> list(String orgId) {
          return List.of(agent("b"), agent("c"), agent("a"));
        }
      };
  private final AgentHealth health =
      new AgentHealth(fake, agents, () -> NOW, HealthWeights.DEFAULT);

  private void load() {
    fake.sessions.put(
        FROM,
        Map.of(
            "a", new SessionTotals(4, 1, 3, 4.0, 2, 2000.0),
            "b", new SessionTotals(1, 0, 0, 0.0, 0, 0.0)));
    fake.tools.put(FROM, Map.of("a", new ToolTotals(10, 1, 1)));
    fake.sessions.put(BASE, Map.of("a", new SessionTotals(2, 0, 2, 1.0, 2, 1000.0)));
    fake.sessions.put(PREV, Map.of("a", new SessionTotals(1, 0, 1, 0.0, 0, 0.0)));
  }

  @Test
  void theOverviewScoresEveryAgentFromTotalsInTheAgentListsOrder() {
    load();
    AgentHealth.Overview o = health.overview("org", 7);
    assertThat(o.agents()).extracting(AgentHealthReport::agentId).containsExactly("b", "a");
    AgentHealthReport a = o.agents().get(1);
    // error 75, cost 100 − (1.0/0.5 − 1)·100 = 0, tools (10 − 2)/10 = 80,
    // latency 100 − (1000/500 − 1)·50 = 50, completion 75: 22.5 + 0 + 16 + 7.5 + 11.25
    assertThat(a.dimensions())
        .extracting(HealthDimension::score)
        .containsExactly(75.0, 0.0, 80.0, 50.0, 75.0);
    assertThat(a.overallScore()).isEqualTo(57.25);
    assertThat(a.trend()).isEqualTo(HealthTrend.DEGRADING);
    assertThat(a.trendDelta()).isEqualTo(-42.75);
    assertThat(a.sessionCount()).isEqualTo(4);
    assertThat(a.from()).isEqualTo(FROM);
    assertThat(a.to()).isEqualTo(NOW);
    AgentHealthReport b = o.agents().get(0);
    assertThat(b.overallScore()).isEqualTo(85.0);
    assertThat(b.trend()).isEqualTo(HealthTrend.STABLE);
    assertThat(b.trendDelta()).isZero();
  }

  @Test
  void theOverviewReadsSixAggregatesWhateverTheNumberOfAgents() {
    load();
    health.overview("org", 7);
    assertThat(fake.calls)
        .containsExactlyInAnyOrder(
            "sessions " + FROM + " null",
            "tools " + FROM + " null",
            "sessions " + BASE + " null",
            "sessions " + PREV + " null",
            "tools " + PREV + " null",
            "sessions " + Instant.parse("2026-02-05T00:00:00Z") + " null");
  }

  @Test
  void oneAgentIsScoredLikeInTheOverviewThroughFilteredReads() {
    load();
    AgentHealthReport inOverview = health.overview("org", 7).agents().get(1);
    fake.calls.clear();
    assertThat(health.agent("org", "a", 7)).contains(inOverview);
    assertThat(fake.calls).hasSize(6).allMatch(c -> c.endsWith(" a"));
    assertThat(health.agent("org", "c", 7)).isEmpty();
  }

  @Test
  void aThirtyDayWindowReadsNoBaselineAndNothingWithoutSessions() {
    assertThat(health.overview("org", 7).agents()).isEmpty();
    assertThat(fake.calls).containsExactly("sessions " + FROM + " null");
    fake.calls.clear();
    Instant from30 = Instant.parse("2026-02-12T00:00:00Z");
    fake.sessions.put(from30, Map.of("a", new SessionTotals(1, 0, 1, 2.0, 1, 10.0)));
    AgentHealthReport a = health.agent("org", "a", 30).orElseThrow();
    assertThat(a.overallScore()).isEqualTo(100.0);
    assertThat(fake.calls)
        .containsExactly(
            "sessions " + from30 + " a",
            "tools " + from30 + " a",
            "sessions " + Instant.parse("2026-01-13T00:00:00Z") + " a");
  }
}
