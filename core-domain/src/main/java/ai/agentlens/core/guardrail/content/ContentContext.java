package ai.agentlens.core.guardrail.content;

import ai.agentlens.core.guardrail.model.Direction;
import ai.agentlens.core.guardrail.model.GuardrailRule;

/**
 * Where evaluated content comes from.
 *
 * @param agentId the agent, or {@code null} (only global rules then apply)
 * @param toolName the tool, or {@code null}
 * @param direction input or output, or {@code null} (rules of every direction apply)
 */
public record ContentContext(String agentId, String toolName, Direction direction) {

  /**
   * Tells whether a rule applies to content from here.
   *
   * @param r the rule
   * @return whether it is enabled, a content rule, and scoped to this agent, tool and direction
   */
  public boolean selects(GuardrailRule r) {
    if (!r.enabled() || !r.conditionType().isContent()) {
      return false;
    }
    if (r.agentId() != null && !r.agentId().equals(agentId)) {
      return false;
    }
    if (!r.toolNames().isEmpty() && (toolName == null || !r.toolNames().contains(toolName))) {
      return false;
    }
    return r.direction() == null
        || r.direction() == Direction.BOTH
        || direction == null
        || direction == Direction.BOTH
        || r.direction() == direction;
  }
}
