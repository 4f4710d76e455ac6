package ai.agentlens.core.remediation;

import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.remediation.model.RemediationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated parameters of a remediation (fields of other kinds are {@code null}).
 *
 * @param model {@code switch_model}'s model
 * @param riskThreshold {@code raise_safety_threshold}'s threshold
 * @param tool {@code disable_endpoint}'s tool
 * @param route {@code disable_endpoint}'s route
 * @param systemPrompt {@code change_system_prompt}'s prompt
 * @param requestsPerMinute {@code rate_limit}'s limit
 * @param keyId {@code rate_limit}'s API key, or {@code null} for the agent
 */
public record RemediationParams(
    String model,
    Integer riskThreshold,
    String tool,
    String route,
    String systemPrompt,
    Integer requestsPerMinute,
    String keyId) {

  /**
   * Validates a kind's parameters (fields of other kinds are ignored).
   *
   * @param kind the kind
   * @param p the parameters as given
   * @return the parameters
   * @throws SettingsInvalidException naming every bad field, as {@code params.<name>}
   */
  public static RemediationParams of(RemediationKind kind, JsonObject p) {
    List<SettingsError> e = new ArrayList<>();
    RemediationParams out =
        switch (kind) {
          case SWITCH_MODEL ->
              new RemediationParams(
                  required(SettingsJson.text(p, "model", SettingsJson.MAX_NAME, e), "model", e),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null);
          case RAISE_SAFETY_THRESHOLD ->
              new RemediationParams(
                  null,
                  required(SettingsJson.integer(p, "riskThreshold", 0, 100, e), "riskThreshold", e),
                  null,
                  null,
                  null,
                  null,
                  null);
          case DISABLE_ENDPOINT -> endpoint(p, e);
          case RESET_AGENT_SETTINGS ->
              new RemediationParams(null, null, null, null, null, null, null);
          case CHANGE_SYSTEM_PROMPT ->
              new RemediationParams(
                  null,
                  null,
                  null,
                  null,
                  required(
                      SettingsJson.text(p, "systemPrompt", SettingsJson.MAX_PROMPT, e),
                      "systemPrompt",
                      e),
                  null,
                  null);
          case RATE_LIMIT ->
              new RemediationParams(
                  null,
                  null,
                  null,
                  null,
                  null,
                  required(
                      SettingsJson.integer(p, "requestsPerMinute", 1, SettingsJson.MAX_RATE, e),
                      "requestsPerMinute",
                      e),
                  SettingsJson.text(p, "keyId", SettingsJson.MAX_NAME, e));
        };
    if (!e.isEmpty()) {
      throw new SettingsInvalidException(
          e.stream().map(f -> new SettingsError("params." + f.path(), f.message())).toList());
    }
    return out;
  }

  private static RemediationParams endpoint(JsonObject p, List<SettingsError> e) {
    String tool = SettingsJson.text(p, "tool", SettingsJson.MAX_NAME, e);
    String route = SettingsJson.text(p, "route", SettingsJson.MAX_NAME, e);
    if (e.isEmpty() && (tool == null) == (route == null)) {
      e.add(new SettingsError("tool", "give exactly one of tool and route"));
    }
    return new RemediationParams(null, null, tool, route, null, null, null);
  }

  private static <T> T required(T value, String field, List<SettingsError> e) {
    if (value == null && e.stream().noneMatch(f -> f.path().equals(field))) {
      e.add(new SettingsError(field, "is required"));
    }
    return value;
  }
}
