package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The incidents list.
 *
 * @param layout the frame
 * @param incidents the latest incidents, newest first
 */
public record IncidentsPage(Layout layout, List<Row> incidents) {

  /**
   * One incident.
   *
   * @param id the id
   * @param title the title
   * @param agent the agent, or "all agents"
   * @param severity severity wire name
   * @param trigger trigger type wire name
   * @param status open or resolved
   * @param opened when it opened
   * @param lastSeen when it was last triggered
   * @param triggers how many triggers
   * @param resolved when and by whom it was resolved, or empty
   */
  public record Row(
      String id,
      String title,
      String agent,
      String severity,
      String trigger,
      String status,
      String opened,
      String lastSeen,
      long triggers,
      String resolved) {}
}
