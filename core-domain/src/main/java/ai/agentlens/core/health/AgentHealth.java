package ai.agentlens.core.health;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.alerting.HealthAggregates;
import ai.agentlens.core.port.alerting.HealthAggregates.SessionTotals;
import ai.agentlens.core.port.alerting.HealthAggregates.ToolTotals;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.session.Agent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes agents' health from the org's stored sessions and events (reference §4.3.3). The window
 * is [now−W, now); its baseline [now−30 d, now−W); the previous window [now−2W, now−W) with its own
 * baseline shifted by W. Every read is scoped to the given org. Thread-safe.
 *
 * <p>The sessions and tool events of each range are totalled per agent in the database ({@link
 * HealthAggregates}), so scoring an org costs at most six grouped queries plus the agent list,
 * whatever its number of agents; one agent is scored with the same queries filtered by agent. Every
 * session of a range counts: the reference's cap of 10,000 sessions per window guarded the memory
 * of loading sessions, and no session is loaded any more, so the cap is dropped.
 */
public final class AgentHealth {

  /** Smallest window in days. */
  public static final int MIN_WINDOW = 1;

  /** Largest window in days. */
  public static final int MAX_WINDOW = 90;

  /** Window used when none is given. */
  public static final int DEFAULT_WINDOW = 7;

  private static final Duration BASELINE = Duration.ofDays(30);

  private final HealthAggregates aggregates;
  private final AgentStore agents;
  private final Clock clock;
  private final HealthWeights weights;

  /**
   * Creates the use case.
   *
   * @param aggregates per-agent session and tool totals of a range
   * @param agents materialized agents (the overview's order)
   * @param clock the time windows end at
   * @param weights the dimension weights
   */
  public AgentHealth(
      HealthAggregates aggregates, AgentStore agents, Clock clock, HealthWeights weights) {
    this.aggregates = aggregates;
    this.agents = agents;
    this.clock = clock;
    this.weights = weights;
  }

  /**
   * Returns the weights in use.
   *
   * @return the weights
   */
  public HealthWeights weights() {
    return weights;
  }

  /**
   * Scores one agent.
   *
   * @param orgId the org
   * @param agentId the agent
   * @param windowDays window length, {@value #MIN_WINDOW}..{@value #MAX_WINDOW}
   * @return the report, or empty when the org has no session of the agent in the window
   */
  public Optional<AgentHealthReport> agent(String orgId, String agentId, int windowDays) {
    return Optional.ofNullable(score(orgId, agentId, windowDays, clock.now()).get(agentId));
  }

  /**
   * Scores every agent of the org that has a session in the window, most recently seen first.
   *
   * @param orgId the org
   * @param windowDays window length, {@value #MIN_WINDOW}..{@value #MAX_WINDOW}
   * @return one report per such agent and the time of computation
   */
  public Overview overview(String orgId, int windowDays) {
    Instant now = clock.now();
    Map<String, AgentHealthReport> scored = score(orgId, null, windowDays, now);
    List<AgentHealthReport> out = new ArrayList<>();
    if (!scored.isEmpty()) {
      for (Agent a : agents.list(orgId)) {
        AgentHealthReport r = scored.get(a.id());
        if (r != null) {
          out.add(r);
        }
      }
    }
    return new Overview(out, now);
  }

  /**
   * The health of an org's agents.
   *
   * @param agents one report per agent with a session in the window
   * @param computedAt when it was computed
   */
  public record Overview(List<AgentHealthReport> agents, Instant computedAt) {

    /** Copies the list. */
    public Overview {
      agents = List.copyOf(agents);
    }
  }

  private Map<String, AgentHealthReport> score(
      String orgId, String agentId, int days, Instant now) {
    if (days < MIN_WINDOW || days > MAX_WINDOW) {
      throw new IllegalArgumentException("window must be 1..90 days");
    }
    Duration w = Duration.ofDays(days);
    Instant from = now.minus(w);
    Map<String, SessionTotals> current = aggregates.sessions(orgId, agentId, from, now);
    if (current.isEmpty()) {
      return Map.of();
    }
    Map<String, ToolTotals> tools = aggregates.tools(orgId, agentId, from, now);
    Map<String, SessionTotals> baseline = sessions(orgId, agentId, now.minus(BASELINE), from);
    Instant prevFrom = from.minus(w);
    Map<String, SessionTotals> previous = aggregates.sessions(orgId, agentId, prevFrom, from);
    Map<String, ToolTotals> prevTools =
        previous.isEmpty() ? Map.of() : aggregates.tools(orgId, agentId, prevFrom, from);
    Map<String, SessionTotals> prevBaseline =
        previous.isEmpty() ? Map.of() : sessions(orgId, agentId, from.minus(BASELINE), prevFrom);
    Map<String, AgentHealthReport> out = new LinkedHashMap<>();
    current.forEach(
        (agent, totals) -> {
          HealthScorer.Scored scored =
              HealthScorer.score(
                  sample(totals, tools.get(agent)), sample(baseline.get(agent), null), weights);
          SessionTotals prev = previous.get(agent);
          Double prevScore =
              prev == null
                  ? null
                  : HealthScorer.score(
                          sample(prev, prevTools.get(agent)),
                          sample(prevBaseline.get(agent), null),
                          weights)
                      .overallScore();
          HealthScorer.Trend trend = HealthScorer.trend(scored.overallScore(), prevScore);
          out.put(
              agent,
              new AgentHealthReport(
                  agent,
                  scored.overallScore(),
                  trend.trend(),
                  trend.delta(),
                  scored.dimensions(),
                  from,
                  now,
                  totals.sessions(),
                  now));
        });
    return out;
  }

  // why: with W >= 30 days the baseline range is empty, so cost and latency score 100
  private Map<String, SessionTotals> sessions(
      String orgId, String agentId, Instant from, Instant to) {
    return from.isBefore(to) ? aggregates.sessions(orgId, agentId, from, to) : Map.of();
  }

  private static HealthSample sample(SessionTotals s, ToolTotals t) {
    long n = s == null ? 0 : s.sessions();
    HealthSample sample =
        n == 0
            ? new HealthSample(0, 0, 0, 0, null, 0, 0)
            : new HealthSample(
                n,
                s.errored(),
                s.completed(),
                s.costUsd() / n,
                s.ended() == 0 ? null : s.durationMs() / s.ended(),
                0,
                0);
    return t == null ? sample : sample.withTools(t.calls(), t.errors() + t.failedResponses());
  }
}
