package ai.agentlens.core.guardrail.model;

import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A validated guardrail rule (reference §4.3.6). Configs hold every key of their type with its
 * default filled in; build one with {@code RuleValidator}.
 *
 * @param id ULID
 * @param orgId the org
 * @param name 1..200 characters
 * @param description or {@code null}
 * @param enabled whether it is evaluated
 * @param conditionType the condition
 * @param conditionConfig the condition's settings
 * @param actionType the action
 * @param actionConfig the action's settings (may hold a webhook secret: never render it)
 * @param agentId only this agent, or {@code null} for every agent of the org
 * @param cooldownMinutes 0..1440: no second trigger within this many minutes
 * @param dryRun record triggers without acting
 * @param direction content direction, or {@code null} (both)
 * @param toolNames only content of these tools, or empty
 * @param priority −1000..1000, higher first among content rules
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record GuardrailRule(
    String id,
    String orgId,
    String name,
    String description,
    boolean enabled,
    ConditionType conditionType,
    JsonObject conditionConfig,
    ActionType actionType,
    JsonObject actionConfig,
    String agentId,
    int cooldownMinutes,
    boolean dryRun,
    Direction direction,
    List<String> toolNames,
    int priority,
    Instant createdAt,
    Instant updatedAt) {

  /** Rejects missing fields. */
  public GuardrailRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(conditionType, "conditionType");
    Objects.requireNonNull(conditionConfig, "conditionConfig");
    Objects.requireNonNull(actionType, "actionType");
    Objects.requireNonNull(actionConfig, "actionConfig");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    toolNames = toolNames == null ? List.of() : List.copyOf(toolNames);
    // why: stores keep microseconds; a rule must compare equal to itself read back
    createdAt = ai.agentlens.core.event.Times.micros(createdAt);
    updatedAt = ai.agentlens.core.event.Times.micros(updatedAt);
  }

  /**
   * Tells whether the rule applies to an agent.
   *
   * @param agent the agent id
   * @return {@code true} for a global rule or a rule of that agent
   */
  public boolean appliesTo(String agent) {
    return agentId == null || agentId.equals(agent);
  }
}
