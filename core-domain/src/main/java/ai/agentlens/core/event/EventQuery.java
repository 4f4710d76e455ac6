package ai.agentlens.core.event;

import java.time.Instant;

/**
 * Filters and page of an event listing; {@code null} filters match everything. Results are ordered
 * newest first: timestamp descending, then id descending.
 *
 * @param sessionId only this session, or {@code null}
 * @param agentId only this agent, or {@code null}
 * @param eventType only this type, or {@code null}
 * @param severity only this severity, or {@code null}
 * @param from timestamps at or after, or {@code null}
 * @param to timestamps strictly before, or {@code null}
 * @param limit page size, 1..500
 * @param offset rows skipped, &ge; 0
 */
public record EventQuery(
    String sessionId,
    String agentId,
    EventType eventType,
    Severity severity,
    Instant from,
    Instant to,
    int limit,
    int offset) {

  /** Largest page a store returns. */
  public static final int MAX_LIMIT = 500;

  /** Clamps the page to the allowed range. */
  public EventQuery {
    limit = Math.max(1, Math.min(MAX_LIMIT, limit));
    offset = Math.max(0, offset);
    from = Times.micros(from);
    to = Times.micros(to);
  }

  /**
   * Returns the first page of 50 with no filter.
   *
   * @return the query
   */
  public static EventQuery firstPage() {
    return new EventQuery(null, null, null, null, null, null, 50, 0);
  }

  /**
   * Returns a copy filtered by agent and type.
   *
   * @param agent agent id, or {@code null}
   * @param type event type, or {@code null}
   * @return the copy
   */
  public EventQuery byAgentAndType(String agent, EventType type) {
    return new EventQuery(sessionId, agent, type, severity, from, to, limit, offset);
  }

  /**
   * Returns a copy restricted to a session.
   *
   * @param session session id, or {@code null}
   * @return the copy
   */
  public EventQuery bySession(String session) {
    return new EventQuery(session, agentId, eventType, severity, from, to, limit, offset);
  }

  /**
   * Returns a copy with another page.
   *
   * @param newLimit page size
   * @param newOffset rows skipped
   * @return the copy
   */
  public EventQuery page(int newLimit, int newOffset) {
    return new EventQuery(sessionId, agentId, eventType, severity, from, to, newLimit, newOffset);
  }
}
