package ai.agentlens.core.agentcard;

import ai.agentlens.core.health.AgentHealthReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What AgentLens has observed of one agent, the content of its A2A-shaped card.
 *
 * @param agentId the self-reported agent id
 * @param name the agent's name
 * @param orgId the owner org
 * @param orgName the owner org's name
 * @param firstSeenAt earliest event seen
 * @param lastSeenAt latest event seen
 * @param sessionCount sessions started
 * @param models models seen in LLM calls, most calls first
 * @param tools tools seen in tool calls, most calls first
 * @param toolsTruncated whether the tool scan stopped at its bound (older calls not counted)
 * @param health the health score over the default window, or {@code null} without sessions in it
 */
public record AgentCard(
    String agentId,
    String name,
    String orgId,
    String orgName,
    Instant firstSeenAt,
    Instant lastSeenAt,
    long sessionCount,
    List<ModelSeen> models,
    List<ToolSeen> tools,
    boolean toolsTruncated,
    AgentHealthReport health) {

  /** Rejects missing fields and copies the lists. */
  public AgentCard {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(orgId, "orgId");
    models = List.copyOf(models);
    tools = List.copyOf(tools);
  }

  /**
   * A model the agent called.
   *
   * @param provider e.g. {@code openai}
   * @param model e.g. {@code gpt-4o}
   * @param calls LLM calls seen
   */
  public record ModelSeen(String provider, String model, long calls) {}

  /**
   * A tool the agent called.
   *
   * @param name the tool name
   * @param calls tool calls seen (within the scan bound)
   */
  public record ToolSeen(String name, long calls) {}
}
