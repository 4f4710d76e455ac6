package ai.agentlens.core.transfer;

import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.remediation.SettingsInvalidException;
import ai.agentlens.core.remediation.SettingsJson;
import ai.agentlens.core.remediation.model.AgentSettings;
import java.util.List;

/**
 * The {@code agent_settings} line: one agent's settings ({@code agentId} set) or the org's defaults
 * ({@code agentId} null), in the shape of {@code PUT /api/agents/{id}/settings}.
 *
 * @param agentId the agent, or {@code null} for the org defaults
 * @param settings the settings
 */
record AgentSettingsLine(String agentId, AgentSettings settings) {

  static final String KIND = "agent_settings";

  static JsonObject write(String agentId, AgentSettings s) {
    return SettingsJson.write(s).with("agentId", agentId);
  }

  static AgentSettingsLine read(LineFields f) {
    String agentId = f.optionalText("agentId");
    if (agentId != null && agentId.isBlank()) {
      throw f.invalid("agentId", "must be a non-empty string or null");
    }
    try {
      return new AgentSettingsLine(
          agentId, SettingsJson.parse(f.object().without(List.of("kind", "agentId"))));
    } catch (SettingsInvalidException e) {
      throw f.invalid(e.getMessage());
    }
  }
}
