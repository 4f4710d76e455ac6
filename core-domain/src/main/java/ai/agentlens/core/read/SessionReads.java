package ai.agentlens.core.read;

import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.session.Agent;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import ai.agentlens.core.session.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The session and agent reads the API and the dashboard share, with one idle rule: an active
 * session whose last event is older than {@link #IDLE_AFTER} is reported (and filtered) as idle.
 * Every read is scoped to the given org. Thread-safe; errors are the stores'.
 */
public final class SessionReads {

  /** Sessions whose last event is older than this are reported idle (reference default). */
  public static final Duration IDLE_AFTER = Duration.ofMinutes(30);

  private final SessionStore sessions;
  private final AgentStore agents;
  private final Clock clock;

  /**
   * Creates the use case.
   *
   * @param sessions materialized sessions
   * @param agents materialized agents
   * @param clock the time the idle rule compares with
   */
  public SessionReads(SessionStore sessions, AgentStore agents, Clock clock) {
    this.sessions = sessions;
    this.agents = agents;
    this.clock = clock;
  }

  /**
   * Lists sessions, most recently started first (ties by id descending), with the number of all
   * matches; sessions without events are never listed.
   *
   * @param orgId the org
   * @param filter what to keep
   * @param limit page size, clamped to 1..{@value EventQuery#MAX_LIMIT}
   * @param offset sessions skipped, &ge; 0
   * @return the page; {@code hasMore} when matches follow it
   */
  public SessionList list(String orgId, SessionFilter filter, int limit, int offset) {
    Instant now = clock.now();
    SessionQuery query = query(filter, now, limit, offset);
    // why: counted before listing, as EventReads.page does, so a session stored between the two
    // statements can make the page fuller than the count but never leave a counted one out
    long counted = sessions.count(orgId, query);
    List<Session> rows = sessions.list(orgId, query);
    long total = Math.max(counted, query.offset() + rows.size());
    List<ReportedSession> page =
        rows.stream().map(s -> new ReportedSession(s, statusOf(s, now))).toList();
    return new SessionList(page, total, query.offset() + page.size() < total);
  }

  /**
   * Counts the sessions a listing would return over all pages.
   *
   * @param orgId the org
   * @param filter what to keep
   * @return the count
   */
  public long count(String orgId, SessionFilter filter) {
    return sessions.count(orgId, query(filter, clock.now(), 1, 0));
  }

  /**
   * Reads one session.
   *
   * @param orgId the org
   * @param sessionId the session
   * @return the session with its reported status, or empty when the org has no such session
   */
  public Optional<ReportedSession> find(String orgId, String sessionId) {
    Instant now = clock.now();
    return sessions.find(orgId, sessionId).map(s -> new ReportedSession(s, statusOf(s, now)));
  }

  /**
   * Lists the org's agents, most recently seen first (ties by id).
   *
   * @param orgId the org
   * @return the agents
   */
  public List<Agent> agents(String orgId) {
    return agents.list(orgId);
  }

  /**
   * Reads one agent.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return the agent, or empty when the org has no such agent
   */
  public Optional<Agent> agent(String orgId, String agentId) {
    return agents.find(orgId, agentId);
  }

  private static SessionQuery query(SessionFilter f, Instant now, int limit, int offset) {
    Instant idleBefore = f.statuses().contains(SessionStatus.IDLE) ? now.minus(IDLE_AFTER) : null;
    return new SessionQuery(
        f.agentId(), f.statuses(), f.from(), f.to(), f.tags(), idleBefore, limit, offset);
  }

  private static SessionStatus statusOf(Session s, Instant now) {
    return s.reportedStatus(now, IDLE_AFTER);
  }
}
