package ai.agentlens.core.remediation.model;

import java.util.List;

/**
 * An agent's settings (seed 003 R8), or an org's defaults for every agent. Each field is {@code
 * null} when not set here: an agent's unset field falls back to the org default ({@link #over}).
 *
 * @param preferredModel the model the agent should use, or {@code null}
 * @param riskThreshold requests scoring at or above it (0–100) are refused or flagged, or {@code
 *     null} for none
 * @param rateLimitPerMinute events per minute the agent may send, or {@code null} for none
 * @param systemPrompt the system prompt the agent should use, or {@code null}
 * @param disabledTools tool names the agent may not call, or {@code null}
 * @param disabledRoutes routes (endpoints) the agent may not serve, or {@code null}
 */
public record AgentSettings(
    String preferredModel,
    Integer riskThreshold,
    Integer rateLimitPerMinute,
    String systemPrompt,
    List<String> disabledTools,
    List<String> disabledRoutes) {

  /** Nothing set. */
  public static final AgentSettings NONE = new AgentSettings(null, null, null, null, null, null);

  /** Copies the lists. */
  public AgentSettings {
    disabledTools = disabledTools == null ? null : List.copyOf(disabledTools);
    disabledRoutes = disabledRoutes == null ? null : List.copyOf(disabledRoutes);
  }

  /**
   * Resolves these settings over defaults, field by field: a field set here wins, an unset one is
   * the default's.
   *
   * @param defaults the org's defaults
   * @return the effective settings
   */
  public AgentSettings over(AgentSettings defaults) {
    return new AgentSettings(
        preferredModel != null ? preferredModel : defaults.preferredModel,
        riskThreshold != null ? riskThreshold : defaults.riskThreshold,
        rateLimitPerMinute != null ? rateLimitPerMinute : defaults.rateLimitPerMinute,
        systemPrompt != null ? systemPrompt : defaults.systemPrompt,
        disabledTools != null ? disabledTools : defaults.disabledTools,
        disabledRoutes != null ? disabledRoutes : defaults.disabledRoutes);
  }

  /**
   * Tells whether a tool is disabled.
   *
   * @param tool the tool name, or {@code null}
   * @return whether it is in {@link #disabledTools}
   */
  public boolean toolDisabled(String tool) {
    return tool != null && disabledTools != null && disabledTools.contains(tool);
  }

  /**
   * Tells whether a route is disabled.
   *
   * @param route the route, or {@code null}
   * @return whether it is in {@link #disabledRoutes}
   */
  public boolean routeDisabled(String route) {
    return route != null && disabledRoutes != null && disabledRoutes.contains(route);
  }

  /**
   * Tells whether a risk score is refused.
   *
   * @param score the score
   * @return whether a threshold is set and the score reaches it
   */
  public boolean tooRisky(int score) {
    return riskThreshold != null && score >= riskThreshold;
  }
}
