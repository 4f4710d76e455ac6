package ai.agentlens.core.remediation;

import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.core.remediation.model.RemediationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What each remediation kind does to an agent's own settings row, and how a revert restores it: a
 * pure function of the kind, its parameters, the row and the org defaults. A revert restores only
 * the fields its kind changed (a reset restores the whole row), so reverting one remediation leaves
 * a later one of another kind in force.
 */
public final class RemediationPlan {

  /**
   * Validated parameters.
   *
   * @param model {@code switch_model}'s model
   * @param riskThreshold {@code raise_safety_threshold}'s threshold
   * @param tool {@code disable_endpoint}'s tool
   * @param route {@code disable_endpoint}'s route
   * @param systemPrompt {@code change_system_prompt}'s prompt
   * @param requestsPerMinute {@code rate_limit}'s limit
   * @param keyId {@code rate_limit}'s API key, or {@code null} for the agent
   */
  public record Params(
      String model,
      Integer riskThreshold,
      String tool,
      String route,
      String systemPrompt,
      Integer requestsPerMinute,
      String keyId) {}

  private RemediationPlan() {}

  /**
   * Validates a kind's parameters (fields of other kinds are ignored).
   *
   * @param kind the kind
   * @param p the parameters as given
   * @return the parameters
   * @throws SettingsInvalidException naming every bad field, as {@code params.<name>}
   */
  public static Params params(RemediationKind kind, JsonObject p) {
    List<SettingsError> e = new ArrayList<>();
    Params out =
        switch (kind) {
          case SWITCH_MODEL ->
              new Params(
                  required(SettingsJson.text(p, "model", SettingsJson.MAX_NAME, e), "model", e),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null);
          case RAISE_SAFETY_THRESHOLD ->
              new Params(
                  null,
                  required(SettingsJson.integer(p, "riskThreshold", 0, 100, e), "riskThreshold", e),
                  null,
                  null,
                  null,
                  null,
                  null);
          case DISABLE_ENDPOINT -> endpoint(p, e);
          case RESET_AGENT_SETTINGS -> new Params(null, null, null, null, null, null, null);
          case CHANGE_SYSTEM_PROMPT ->
              new Params(
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
              new Params(
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

  private static Params endpoint(JsonObject p, List<SettingsError> e) {
    String tool = SettingsJson.text(p, "tool", SettingsJson.MAX_NAME, e);
    String route = SettingsJson.text(p, "route", SettingsJson.MAX_NAME, e);
    if (e.isEmpty() && (tool == null) == (route == null)) {
      e.add(new SettingsError("tool", "give exactly one of tool and route"));
    }
    return new Params(null, null, tool, route, null, null, null);
  }

  private static <T> T required(T value, String field, List<SettingsError> e) {
    if (value == null && e.stream().noneMatch(f -> f.path().equals(field))) {
      e.add(new SettingsError(field, "is required"));
    }
    return value;
  }

  /**
   * Applies a remediation to an agent's own row.
   *
   * @param kind the kind
   * @param p its parameters
   * @param own the agent's row, or {@code null} when it has none
   * @param defaults the org defaults
   * @return the new row, or {@code null} to remove the row (a reset); an API-key limit leaves the
   *     row as it is
   */
  public static AgentSettings apply(
      RemediationKind kind, Params p, AgentSettings own, AgentSettings defaults) {
    AgentSettings s = own == null ? AgentSettings.NONE : own;
    return switch (kind) {
      case SWITCH_MODEL -> with(p.model(), s.riskThreshold(), s.rateLimitPerMinute(), s);
      case RAISE_SAFETY_THRESHOLD ->
          with(s.preferredModel(), p.riskThreshold(), s.rateLimitPerMinute(), s);
      case DISABLE_ENDPOINT -> disable(s, s.over(defaults), p);
      case RESET_AGENT_SETTINGS -> null;
      case CHANGE_SYSTEM_PROMPT ->
          new AgentSettings(
              s.preferredModel(),
              s.riskThreshold(),
              s.rateLimitPerMinute(),
              p.systemPrompt(),
              s.disabledTools(),
              s.disabledRoutes());
      case RATE_LIMIT ->
          p.keyId() != null
              ? own
              : with(s.preferredModel(), s.riskThreshold(), p.requestsPerMinute(), s);
    };
  }

  /**
   * Restores what a remediation changed.
   *
   * @param kind the kind
   * @param keyLimit whether it limited an API key (the row is then left as it is)
   * @param current the agent's row now, or {@code null}
   * @param before the row before the remediation, or {@code null} when there was none
   * @return the row to store, or {@code null} to remove it
   */
  public static AgentSettings restore(
      RemediationKind kind, boolean keyLimit, AgentSettings current, AgentSettings before) {
    if (kind == RemediationKind.RESET_AGENT_SETTINGS) {
      return before;
    }
    if (keyLimit) {
      return current;
    }
    AgentSettings c = current == null ? AgentSettings.NONE : current;
    AgentSettings b = before == null ? AgentSettings.NONE : before;
    AgentSettings out =
        switch (kind) {
          case SWITCH_MODEL ->
              with(b.preferredModel(), c.riskThreshold(), c.rateLimitPerMinute(), c);
          case RAISE_SAFETY_THRESHOLD ->
              with(c.preferredModel(), b.riskThreshold(), c.rateLimitPerMinute(), c);
          case DISABLE_ENDPOINT ->
              new AgentSettings(
                  c.preferredModel(),
                  c.riskThreshold(),
                  c.rateLimitPerMinute(),
                  c.systemPrompt(),
                  b.disabledTools(),
                  b.disabledRoutes());
          case CHANGE_SYSTEM_PROMPT ->
              new AgentSettings(
                  c.preferredModel(),
                  c.riskThreshold(),
                  c.rateLimitPerMinute(),
                  b.systemPrompt(),
                  c.disabledTools(),
                  c.disabledRoutes());
          case RATE_LIMIT -> with(c.preferredModel(), c.riskThreshold(), b.rateLimitPerMinute(), c);
          case RESET_AGENT_SETTINGS -> before;
        };
    return AgentSettings.NONE.equals(out) && before == null ? null : out;
  }

  private static AgentSettings with(
      String model, Integer threshold, Integer rate, AgentSettings rest) {
    return new AgentSettings(
        model, threshold, rate, rest.systemPrompt(), rest.disabledTools(), rest.disabledRoutes());
  }

  private static AgentSettings disable(AgentSettings s, AgentSettings effective, Params p) {
    List<String> tools = s.disabledTools();
    List<String> routes = s.disabledRoutes();
    if (p.tool() != null) {
      tools = plus(effective.disabledTools(), p.tool());
    } else {
      routes = plus(effective.disabledRoutes(), p.route());
    }
    return new AgentSettings(
        s.preferredModel(),
        s.riskThreshold(),
        s.rateLimitPerMinute(),
        s.systemPrompt(),
        tools,
        routes);
  }

  private static List<String> plus(List<String> base, String name) {
    List<String> out = new ArrayList<>(base == null ? List.of() : base);
    if (!out.contains(name)) {
      out.add(name);
    }
    return out;
  }
}
