package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The agents page: every observed agent with its 7-day health and what guardrails set on it.
 *
 * @param layout the frame
 * @param agents one row per agent, most recently seen first
 * @param canManage whether the role may unpause agents (Owner, Admin)
 */
public record AgentsPage(Layout layout, List<Row> agents, boolean canManage) {

  /**
   * One agent.
   *
   * @param id the agent id
   * @param name its name
   * @param lastSeen when it last sent an event
   * @param score overall score, or an empty string without sessions in the window
   * @param trend improving, stable or degrading, or an empty string
   * @param dimensions the five dimension scores in wire order (empty without a score)
   * @param control what guardrails and budgets set on it
   */
  public record Row(
      String id,
      String name,
      String lastSeen,
      String score,
      String trend,
      List<String> dimensions,
      Control control) {}

  /**
   * An agent's controls, as the control cell shows them (also the htmx fragment after an unpause).
   *
   * @param agentId the agent id
   * @param pausedAt when paused, or {@code null} when running
   * @param pauseReason why, or {@code null}
   * @param modelOverride the model override, or {@code null}
   * @param rateLimit e.g. {@code 2/min until 2026-12-02 12:00 UTC}, or {@code null}
   * @param policy an AgentGate policy reference, or {@code null}
   * @param canManage whether the Unpause button is shown
   * @param csrf the session's CSRF token
   */
  public record Control(
      String agentId,
      String pausedAt,
      String pauseReason,
      String modelOverride,
      String rateLimit,
      String policy,
      boolean canManage,
      String csrf) {

    /**
     * Tells whether the agent is paused.
     *
     * @return {@code true} when paused
     */
    public boolean paused() {
      return pausedAt != null;
    }
  }

  /** The dimension column headers, in wire order. */
  public static final List<String> DIMENSIONS =
      List.of("Error rate", "Cost efficiency", "Tool success", "Latency", "Completion");
}
