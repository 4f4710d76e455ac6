package ai.agentlens.core.remediation;

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

  private RemediationPlan() {}

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
      RemediationKind kind, RemediationParams p, AgentSettings own, AgentSettings defaults) {
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

  private static AgentSettings disable(
      AgentSettings s, AgentSettings effective, RemediationParams p) {
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
