package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * One incident: its facts, latest details, related ids, timeline and the Resolve button.
 *
 * @param layout the frame
 * @param incident the facts
 * @param details the latest trigger's details (JSON text)
 * @param related related event or request ids
 * @param timeline the triggers, oldest first
 * @param canResolve whether to show the Resolve button
 */
public record IncidentPage(
    Layout layout,
    IncidentsPage.Row incident,
    String details,
    List<String> related,
    List<Trigger> timeline,
    boolean canResolve) {

  /**
   * One trigger.
   *
   * @param at when
   * @param relatedId the event or request id, or {@code null}
   * @param details its details (JSON text)
   */
  public record Trigger(String at, String relatedId, String details) {}
}
