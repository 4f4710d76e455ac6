package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The agents page: every observed agent with its 7-day health.
 *
 * @param layout the frame
 * @param agents one row per agent, most recently seen first
 */
public record AgentsPage(Layout layout, List<Row> agents) {

  /**
   * One agent.
   *
   * @param id the agent id
   * @param name its name
   * @param lastSeen when it last sent an event
   * @param score overall score, or an empty string without sessions in the window
   * @param trend improving, stable or degrading, or an empty string
   * @param dimensions the five dimension scores in wire order (empty without a score)
   */
  public record Row(
      String id,
      String name,
      String lastSeen,
      String score,
      String trend,
      List<String> dimensions) {}

  /** The dimension column headers, in wire order. */
  public static final List<String> DIMENSIONS =
      List.of("Error rate", "Cost efficiency", "Tool success", "Latency", "Completion");
}
