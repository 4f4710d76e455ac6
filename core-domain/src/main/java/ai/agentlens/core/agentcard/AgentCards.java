package ai.agentlens.core.agentcard;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.agentcard.AgentCard.ModelSeen;
import ai.agentlens.core.agentcard.AgentCard.ToolSeen;
import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.session.Agent;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds agent cards from what was observed: the materialized agent, the models of its LLM calls
 * (the in-database usage aggregation over its whole life), the tools of its most recent tool calls
 * (at most {@link #TOOL_SCAN} events, flagged when cut) and its health score. Thread-safe.
 */
public final class AgentCards {

  /** Most tool-call events read per card. */
  public static final int TOOL_SCAN = 2_000;

  private static final int PAGE = EventQuery.MAX_LIMIT;

  private final OrgStore orgs;
  private final AgentStore agents;
  private final EventStore events;
  private final AgentHealth health;

  /**
   * Creates the use case.
   *
   * @param orgs orgs (owner name)
   * @param agents materialized agents
   * @param events stored events
   * @param health health scores
   */
  public AgentCards(OrgStore orgs, AgentStore agents, EventStore events, AgentHealth health) {
    this.orgs = orgs;
    this.agents = agents;
    this.events = events;
    this.health = health;
  }

  /**
   * Returns one agent's card.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return the card, or empty when the org has no such agent
   */
  public Optional<AgentCard> card(String orgId, String agentId) {
    Optional<Org> org = orgs.find(orgId);
    if (org.isEmpty()) {
      return Optional.empty();
    }
    return agents.find(orgId, agentId).map(a -> build(org.get(), a));
  }

  /**
   * Returns every agent's card of an org, by agent id.
   *
   * @param orgId the org
   * @return the cards; empty when none or the org is unknown
   */
  public List<AgentCard> all(String orgId) {
    Optional<Org> org = orgs.find(orgId);
    if (org.isEmpty()) {
      return List.of();
    }
    return agents.list(orgId).stream()
        .sorted(Comparator.comparing(Agent::id))
        .map(a -> build(org.get(), a))
        .toList();
  }

  private AgentCard build(Org org, Agent a) {
    ToolScan tools = tools(org.id(), a.id());
    return new AgentCard(
        a.id(),
        a.name(),
        org.id(),
        org.name(),
        a.firstSeenAt(),
        a.lastSeenAt(),
        a.sessionCount(),
        models(org.id(), a),
        tools.seen(),
        tools.truncated(),
        health.agent(org.id(), a.id(), AgentHealth.DEFAULT_WINDOW).orElse(null));
  }

  private List<ModelSeen> models(String orgId, Agent a) {
    LlmUsageQuery q =
        new LlmUsageQuery(
            a.firstSeenAt().truncatedTo(ChronoUnit.DAYS),
            a.lastSeenAt().plus(1, ChronoUnit.DAYS),
            a.id(),
            LlmUsageQuery.DAY);
    Map<String, ModelSeen> byModel = new LinkedHashMap<>();
    for (LlmUsage u : events.llmUsage(orgId, q)) {
      byModel.merge(
          u.provider() + "\u0000" + u.model(),
          new ModelSeen(u.provider(), u.model(), u.calls()),
          (x, y) -> new ModelSeen(x.provider(), x.model(), x.calls() + y.calls()));
    }
    return byModel.values().stream()
        .sorted(
            Comparator.comparingLong(ModelSeen::calls)
                .reversed()
                .thenComparing(ModelSeen::provider)
                .thenComparing(ModelSeen::model))
        .toList();
  }

  private record ToolScan(List<ToolSeen> seen, boolean truncated) {}

  private ToolScan tools(String orgId, String agentId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    int read = 0;
    boolean more = true;
    while (more && read < TOOL_SCAN) {
      List<Event> page =
          events.query(
              orgId,
              new EventQuery(null, agentId, EventType.TOOL_CALL, null, null, null, PAGE, read));
      for (Event e : page) {
        String name = e.payload().tree().string("toolName");
        counts.merge(name == null || name.isBlank() ? "(unnamed)" : name, 1L, Long::sum);
      }
      read += page.size();
      more = page.size() == PAGE;
    }
    List<ToolSeen> seen =
        counts.entrySet().stream()
            .map(e -> new ToolSeen(e.getKey(), e.getValue()))
            .sorted(
                Comparator.comparingLong(ToolSeen::calls).reversed().thenComparing(ToolSeen::name))
            .toList();
    return new ToolScan(seen, more);
  }
}
