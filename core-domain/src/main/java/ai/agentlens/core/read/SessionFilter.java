package ai.agentlens.core.read;

import ai.agentlens.core.session.SessionStatus;
import java.time.Instant;

/**
 * What a session listing keeps; {@code null} (or blank) filters match everything.
 *
 * @param agentId only this agent's sessions
 * @param status only sessions reported with this status; {@link SessionStatus#IDLE} means active
 *     sessions quiet for longer than {@link SessionReads#IDLE_AFTER}
 * @param from only sessions started at or after this instant
 * @param to only sessions started before this instant
 * @param tag only sessions carrying this tag (exact)
 */
public record SessionFilter(
    String agentId, SessionStatus status, Instant from, Instant to, String tag) {

  /** Blank texts mean "no filter". */
  public SessionFilter {
    agentId = agentId == null || agentId.isBlank() ? null : agentId;
    tag = tag == null || tag.isBlank() ? null : tag;
  }

  /**
   * Returns a filter by agent only.
   *
   * @param agentId the agent, or {@code null} for every session
   * @return the filter
   */
  public static SessionFilter byAgent(String agentId) {
    return new SessionFilter(agentId, null, null, null, null);
  }
}
