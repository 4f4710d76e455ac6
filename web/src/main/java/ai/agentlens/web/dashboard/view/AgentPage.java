package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * One agent's health and its 30-day history.
 *
 * @param layout the frame
 * @param agentId the agent id
 * @param name its name
 * @param score overall 7-day score, or {@code null} without sessions in the window
 * @param trend trend text, or {@code null}
 * @param dimensions the five dimensions, empty without a score
 * @param chart the history as JSON for the chart ({@code labels}, {@code overall})
 * @param history the snapshots, oldest first
 */
public record AgentPage(
    Layout layout,
    String agentId,
    String name,
    String score,
    String trend,
    List<Dimension> dimensions,
    String chart,
    List<Snapshot> history) {

  /**
   * One health dimension.
   *
   * @param name wire name
   * @param score its score
   * @param weight its weight
   * @param raw the measured value
   * @param description what it measures
   */
  public record Dimension(
      String name, String score, String weight, String raw, String description) {}

  /**
   * One daily snapshot.
   *
   * @param date the UTC day
   * @param overall overall score
   * @param scores the five dimension scores
   * @param sessions sessions counted
   */
  public record Snapshot(String date, String overall, List<String> scores, long sessions) {}
}
