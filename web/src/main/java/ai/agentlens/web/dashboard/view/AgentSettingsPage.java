package ai.agentlens.web.dashboard.view;

/**
 * One agent's settings (seed 003 R8): its own values (empty when it uses the org default), the org
 * defaults and the effective values, with a form for Owners and Admins.
 *
 * @param layout the frame
 * @param agentId the agent
 * @param own its own values
 * @param defaults the org defaults
 * @param effective what is enforced
 * @param canManage whether the form is enabled
 */
public record AgentSettingsPage(
    Layout layout,
    String agentId,
    Values own,
    Values defaults,
    Values effective,
    boolean canManage) {

  /**
   * Settings as form texts; empty when not set.
   *
   * @param preferredModel the model
   * @param riskThreshold the risk threshold
   * @param rateLimitPerMinute the events-per-minute limit
   * @param systemPrompt the system prompt
   * @param disabledTools tools, comma-separated
   * @param disabledRoutes routes, comma-separated
   */
  public record Values(
      String preferredModel,
      String riskThreshold,
      String rateLimitPerMinute,
      String systemPrompt,
      String disabledTools,
      String disabledRoutes) {}
}
