package ai.agentlens.core.event;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Filters, order and page of an event listing; {@code null} (or empty) filters match everything.
 * Results are ordered by timestamp, then id: newest first, or oldest first when {@code ascending}.
 *
 * @param sessionId only this session, or {@code null}
 * @param agentId only this agent, or {@code null}
 * @param eventTypes only these types (any of), or empty
 * @param severities only these severities (any of), or empty
 * @param from timestamps at or after, or {@code null}
 * @param to timestamps strictly before, or {@code null}
 * @param search only events whose payload or metadata JSON text contains this text, compared
 *     case-insensitively (at most {@value #MAX_SEARCH} characters; longer texts are cut), or {@code
 *     null}
 * @param ascending oldest first instead of newest first
 * @param excludeMetrics leave out events with {@code metadata.source == "otlp_metric"}
 * @param limit page size, 1..500
 * @param offset rows skipped, &ge; 0
 */
public record EventQuery(
    String sessionId,
    String agentId,
    Set<EventType> eventTypes,
    Set<Severity> severities,
    Instant from,
    Instant to,
    String search,
    boolean ascending,
    boolean excludeMetrics,
    int limit,
    int offset) {

  /** Largest page a store returns. */
  public static final int MAX_LIMIT = 500;

  /** Longest search text used (reference §1.6). */
  public static final int MAX_SEARCH = 500;

  /** Clamps the page to the allowed range; copies the sets; blank texts mean "no filter". */
  public EventQuery {
    limit = Math.max(1, Math.min(MAX_LIMIT, limit));
    offset = Math.max(0, offset);
    from = Times.micros(from);
    to = Times.micros(to);
    eventTypes = eventTypes == null || eventTypes.isEmpty() ? Set.of() : Set.copyOf(eventTypes);
    severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(severities);
    search = search == null || search.isBlank() ? null : cut(search);
  }

  /**
   * A newest-first query with at most one type and one severity.
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
  public EventQuery(
      String sessionId,
      String agentId,
      EventType eventType,
      Severity severity,
      Instant from,
      Instant to,
      int limit,
      int offset) {
    this(
        sessionId,
        agentId,
        eventType == null ? Set.of() : EnumSet.of(eventType),
        severity == null ? Set.of() : EnumSet.of(severity),
        from,
        to,
        null,
        false,
        false,
        limit,
        offset);
  }

  private static String cut(String text) {
    // why: never split a surrogate pair when cutting
    if (text.length() <= MAX_SEARCH) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_SEARCH - 1)) ? MAX_SEARCH - 1 : MAX_SEARCH;
    return text.substring(0, end);
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
    return new EventQuery(
        sessionId,
        agent,
        type == null ? Set.of() : EnumSet.of(type),
        severities,
        from,
        to,
        search,
        ascending,
        excludeMetrics,
        limit,
        offset);
  }

  /**
   * Returns a copy restricted to a session.
   *
   * @param session session id, or {@code null}
   * @return the copy
   */
  public EventQuery bySession(String session) {
    return new EventQuery(
        session,
        agentId,
        eventTypes,
        severities,
        from,
        to,
        search,
        ascending,
        excludeMetrics,
        limit,
        offset);
  }

  /**
   * Returns a copy with another page.
   *
   * @param newLimit page size
   * @param newOffset rows skipped
   * @return the copy
   */
  public EventQuery page(int newLimit, int newOffset) {
    return new EventQuery(
        sessionId,
        agentId,
        eventTypes,
        severities,
        from,
        to,
        search,
        ascending,
        excludeMetrics,
        newLimit,
        newOffset);
  }
}
