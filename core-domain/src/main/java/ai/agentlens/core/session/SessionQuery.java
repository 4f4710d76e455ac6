package ai.agentlens.core.session;

import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.Times;
import java.time.Instant;

/**
 * Filters and page of a session listing, ordered by {@code startedAt} descending, then id.
 *
 * @param agentId only this agent's sessions, or {@code null}
 * @param status only sessions with this <em>stored</em> status ({@link SessionStatus#ACTIVE},
 *     {@link SessionStatus#COMPLETED} or {@link SessionStatus#ERROR}), or {@code null}; {@link
 *     SessionStatus#IDLE} is never stored (it is how an old active session is reported), so it
 *     matches the active sessions whose last event is before {@code idleBefore}
 * @param from only sessions started at or after this instant, or {@code null}
 * @param to only sessions started before this instant, or {@code null}
 * @param tag only sessions carrying this tag (exact, case-sensitive), or {@code null}
 * @param idleBefore with status IDLE: the instant before which an active session's last event makes
 *     it idle (now minus the idle threshold); ignored otherwise
 * @param limit page size, 1..500
 * @param offset rows skipped, &ge; 0
 */
public record SessionQuery(
    String agentId,
    SessionStatus status,
    Instant from,
    Instant to,
    String tag,
    Instant idleBefore,
    int limit,
    int offset) {

  /** Clamps the page to the allowed range; blank strings mean "no filter". */
  public SessionQuery {
    limit = Math.max(1, Math.min(EventQuery.MAX_LIMIT, limit));
    offset = Math.max(0, offset);
    agentId = agentId == null || agentId.isBlank() ? null : agentId;
    tag = tag == null || tag.isBlank() ? null : tag;
    from = Times.micros(from);
    to = Times.micros(to);
    idleBefore = Times.micros(idleBefore);
    if (status == SessionStatus.IDLE && idleBefore == null) {
      throw new IllegalArgumentException("status IDLE needs idleBefore");
    }
  }

  /**
   * A page filtered by agent only.
   *
   * @param agentId only this agent's sessions, or {@code null}
   * @param limit page size, 1..500
   * @param offset rows skipped, &ge; 0
   */
  public SessionQuery(String agentId, int limit, int offset) {
    this(agentId, null, null, null, null, null, limit, offset);
  }
}
