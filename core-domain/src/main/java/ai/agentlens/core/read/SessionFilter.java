package ai.agentlens.core.read;

import ai.agentlens.core.session.SessionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a session listing keeps; {@code null}, blank or empty filters match everything.
 *
 * @param agentId only this agent's sessions
 * @param statuses only sessions with any of these statuses; {@link SessionStatus#ACTIVE} matches
 *     every stored active session (idle ones included), {@link SessionStatus#IDLE} only the active
 *     sessions quiet for longer than {@link SessionReads#IDLE_AFTER}
 * @param from only sessions started at or after this instant
 * @param to only sessions started before this instant
 * @param tags only sessions carrying any of these tags (exact)
 */
public record SessionFilter(
    String agentId, Set<SessionStatus> statuses, Instant from, Instant to, List<String> tags) {

  /** Blank texts mean "no filter"; copies the collections. */
  public SessionFilter {
    agentId = agentId == null || agentId.isBlank() ? null : agentId;
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).toList();
  }

  /**
   * A filter with at most one status and one tag (the dashboard's form).
   *
   * @param agentId only this agent's sessions
   * @param status only this status, or {@code null}
   * @param from only sessions started at or after this instant
   * @param to only sessions started before this instant
   * @param tag only sessions carrying this tag, or {@code null}
   */
  public SessionFilter(String agentId, SessionStatus status, Instant from, Instant to, String tag) {
    this(
        agentId,
        status == null ? Set.of() : EnumSet.of(status),
        from,
        to,
        tag == null ? List.of() : List.of(tag));
  }

  /**
   * Returns a filter by agent only.
   *
   * @param agentId the agent, or {@code null} for every session
   * @return the filter
   */
  public static SessionFilter byAgent(String agentId) {
    return new SessionFilter(agentId, Set.of(), null, null, List.of());
  }
}
