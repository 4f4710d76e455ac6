package ai.agentlens.core.session;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch of events tells about one agent (reference §1.9): the stores upsert it into the
 * agent row, keeping the first name ever seen, widening the seen-interval and adding the session
 * starts.
 *
 * @param orgId the org
 * @param agentId the agent
 * @param name {@code payload.agentName} of the first {@code session_started} in the batch, else the
 *     agent id (used only when the agent is new)
 * @param firstSeenAt earliest timestamp in the batch
 * @param lastSeenAt latest timestamp in the batch
 * @param sessionStarts {@code session_started} events in the batch
 */
public record AgentSighting(
    String orgId,
    String agentId,
    String name,
    Instant firstSeenAt,
    Instant lastSeenAt,
    long sessionStarts) {

  /**
   * Summarizes stored events per agent.
   *
   * @param events newly stored events of one org
   * @return one sighting per agent, ordered by agent id (a stable lock order for upserts)
   * @throws ai.agentlens.core.json.JsonSyntaxException when a {@code session_started} payload is
   *     not a JSON object (stores check events before)
   */
  public static List<AgentSighting> of(List<Event> events) {
    Map<String, AgentSighting> byAgent = new LinkedHashMap<>();
    for (Event e : events) {
      String named = null;
      if (e.eventType() == EventType.SESSION_STARTED) {
        // why: the tree the write's checks already parsed, not a second parse
        named = e.payload().tree().string("agentName");
      }
      long starts = e.eventType() == EventType.SESSION_STARTED ? 1 : 0;
      AgentSighting seen =
          new AgentSighting(
              e.orgId(),
              e.agentId(),
              named == null ? e.agentId() : named,
              e.timestamp(),
              e.timestamp(),
              starts);
      byAgent.merge(e.agentId(), seen, AgentSighting::merge);
    }
    List<AgentSighting> out = new ArrayList<>(byAgent.values());
    out.sort(Comparator.comparing(AgentSighting::agentId));
    return out;
  }

  private AgentSighting merge(AgentSighting later) {
    boolean nameFromPayload = !name.equals(agentId);
    return new AgentSighting(
        orgId,
        agentId,
        nameFromPayload ? name : later.name,
        firstSeenAt.isBefore(later.firstSeenAt) ? firstSeenAt : later.firstSeenAt,
        lastSeenAt.isAfter(later.lastSeenAt) ? lastSeenAt : later.lastSeenAt,
        sessionStarts + later.sessionStarts);
  }
}
