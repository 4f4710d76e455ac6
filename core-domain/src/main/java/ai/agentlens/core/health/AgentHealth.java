package ai.agentlens.core.health;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.session.Agent;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes agents' health from the org's stored sessions and events (reference §4.3.3). The window
 * is [now−W, now); its baseline [now−30 d, now−W); the previous window [now−2W, now−W) with its own
 * baseline shifted by W. Every read is scoped to the given org. Thread-safe.
 */
public final class AgentHealth {

  /** Smallest window in days. */
  public static final int MIN_WINDOW = 1;

  /** Largest window in days. */
  public static final int MAX_WINDOW = 90;

  /** Window used when none is given. */
  public static final int DEFAULT_WINDOW = 7;

  /** At most this many sessions of a window are scored (reference cap). */
  static final int MAX_SESSIONS = 10_000;

  private static final Duration BASELINE = Duration.ofDays(30);
  private static final int PAGE = EventQuery.MAX_LIMIT;

  private final SessionStore sessions;
  private final EventStore events;
  private final AgentStore agents;
  private final Clock clock;
  private final HealthWeights weights;

  /**
   * Creates the use case.
   *
   * @param sessions materialized sessions
   * @param events stored events (tool calls and failures)
   * @param agents materialized agents (for the overview)
   * @param clock the time windows end at
   * @param weights the dimension weights
   */
  public AgentHealth(
      SessionStore sessions,
      EventStore events,
      AgentStore agents,
      Clock clock,
      HealthWeights weights) {
    this.sessions = sessions;
    this.events = events;
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
    return score(orgId, agentId, windowDays, clock.now());
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
    List<AgentHealthReport> out = new ArrayList<>();
    for (Agent a : agents.list(orgId)) {
      score(orgId, a.id(), windowDays, now).ifPresent(out::add);
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

  private Optional<AgentHealthReport> score(String orgId, String agentId, int days, Instant now) {
    if (days < MIN_WINDOW || days > MAX_WINDOW) {
      throw new IllegalArgumentException("window must be 1..90 days");
    }
    Duration w = Duration.ofDays(days);
    Instant from = now.minus(w);
    HealthSample current = sample(orgId, agentId, from, now);
    if (current.sessionCount() == 0) {
      return Optional.empty();
    }
    HealthScorer.Scored scored =
        HealthScorer.score(current, baseline(orgId, agentId, now.minus(BASELINE), from), weights);
    Instant prevFrom = from.minus(w);
    HealthSample previous = sample(orgId, agentId, prevFrom, from);
    Double prevScore =
        previous.sessionCount() == 0
            ? null
            : HealthScorer.score(
                    previous, baseline(orgId, agentId, from.minus(BASELINE), prevFrom), weights)
                .overallScore();
    HealthScorer.Trend trend = HealthScorer.trend(scored.overallScore(), prevScore);
    return Optional.of(
        new AgentHealthReport(
            agentId,
            scored.overallScore(),
            trend.trend(),
            trend.delta(),
            scored.dimensions(),
            from,
            now,
            current.sessionCount(),
            now));
  }

  // why: with W >= 30 days the baseline range is empty, so cost and latency score 100
  private HealthSample baseline(String orgId, String agentId, Instant from, Instant to) {
    return from.isBefore(to)
        ? HealthSample.of(sessionsIn(orgId, agentId, from, to))
        : HealthSample.of(List.of());
  }

  private HealthSample sample(String orgId, String agentId, Instant from, Instant to) {
    List<Session> in = sessionsIn(orgId, agentId, from, to);
    if (in.isEmpty()) {
      return HealthSample.of(in);
    }
    long calls = events.count(orgId, byType(agentId, EnumSet.of(EventType.TOOL_CALL), from, to));
    long errors = events.count(orgId, byType(agentId, EnumSet.of(EventType.TOOL_ERROR), from, to));
    return HealthSample.of(in).withTools(calls, errors + failedResponses(orgId, agentId, from, to));
  }

  private long failedResponses(String orgId, String agentId, Instant from, Instant to) {
    long failed = 0;
    for (int offset = 0; ; offset += PAGE) {
      EventQuery q =
          new EventQuery(
              null,
              agentId,
              EnumSet.of(EventType.TOOL_RESPONSE),
              Set.of(),
              from,
              to,
              "isError",
              true,
              false,
              PAGE,
              offset);
      List<Event> page = events.query(orgId, q);
      for (Event e : page) {
        failed += Boolean.TRUE.equals(e.payload().tree().get("isError")) ? 1 : 0;
      }
      if (page.size() < PAGE) {
        return failed;
      }
    }
  }

  private static EventQuery byType(String agentId, Set<EventType> types, Instant from, Instant to) {
    return new EventQuery(null, agentId, types, Set.of(), from, to, null, false, false, 1, 0);
  }

  private List<Session> sessionsIn(String orgId, String agentId, Instant from, Instant to) {
    List<Session> out = new ArrayList<>();
    while (out.size() < MAX_SESSIONS) {
      SessionQuery q =
          new SessionQuery(agentId, Set.of(), from, to, List.of(), null, PAGE, out.size());
      List<Session> page = sessions.list(orgId, q);
      out.addAll(page);
      if (page.size() < PAGE) {
        break;
      }
    }
    return out.size() > MAX_SESSIONS ? out.subList(0, MAX_SESSIONS) : out;
  }
}
