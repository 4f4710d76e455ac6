package ai.agentlens.core.session;

import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Filters and page of a session listing, ordered by {@code startedAt} descending, then id.
 *
 * @param agentId only this agent's sessions, or {@code null}
 * @param statuses only sessions with any of these statuses, or empty for all: {@link
 *     SessionStatus#ACTIVE}, {@link SessionStatus#COMPLETED} and {@link SessionStatus#ERROR} match
 *     the <em>stored</em> status (so ACTIVE includes the idle ones); {@link SessionStatus#IDLE} is
 *     never stored (it is how an old active session is reported), so it matches the active sessions
 *     whose last event is before {@code idleBefore}
 * @param from only sessions started at or after this instant, or {@code null}
 * @param to only sessions started before this instant, or {@code null}
 * @param tags only sessions carrying any of these tags (exact, case-sensitive), or empty
 * @param idleBefore with status IDLE: the instant before which an active session's last event makes
 *     it idle (now minus the idle threshold); ignored otherwise
 * @param limit page size, 1..500
 * @param offset rows skipped, &ge; 0
 */
public record SessionQuery(
    String agentId,
    Set<SessionStatus> statuses,
    Instant from,
    Instant to,
    List<String> tags,
    Instant idleBefore,
    int limit,
    int offset) {

  /** Clamps the page to the allowed range; blank strings mean "no filter"; copies the lists. */
  public SessionQuery {
    limit = Math.max(1, Math.min(EventQuery.MAX_LIMIT, limit));
    offset = Math.max(0, offset);
    agentId = agentId == null || agentId.isBlank() ? null : agentId;
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).toList();
    from = Times.micros(from);
    to = Times.micros(to);
    idleBefore = Times.micros(idleBefore);
    if (statuses.contains(SessionStatus.IDLE) && idleBefore == null) {
      throw new IllegalArgumentException("status IDLE needs idleBefore");
    }
  }

  /**
   * A page with at most one status and one tag.
   *
   * @param agentId only this agent's sessions, or {@code null}
   * @param status only this status, or {@code null}
   * @param from only sessions started at or after this instant, or {@code null}
   * @param to only sessions started before this instant, or {@code null}
   * @param tag only sessions carrying this tag, or {@code null}
   * @param idleBefore see the record's description
   * @param limit page size, 1..500
   * @param offset rows skipped, &ge; 0
   */
  public SessionQuery(
      String agentId,
      SessionStatus status,
      Instant from,
      Instant to,
      String tag,
      Instant idleBefore,
      int limit,
      int offset) {
    this(
        agentId,
        status == null ? Set.of() : EnumSet.of(status),
        from,
        to,
        tag == null ? List.of() : List.of(tag),
        idleBefore,
        limit,
        offset);
  }

  /**
   * A page filtered by agent only.
   *
   * @param agentId only this agent's sessions, or {@code null}
   * @param limit page size, 1..500
   * @param offset rows skipped, &ge; 0
   */
  public SessionQuery(String agentId, int limit, int offset) {
    this(agentId, Set.of(), null, null, List.of(), null, limit, offset);
  }
}
