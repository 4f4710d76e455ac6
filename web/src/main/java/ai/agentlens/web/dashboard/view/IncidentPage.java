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
 * @param rca the latest root-cause analysis, or {@code null} when none was run
 * @param canAnalyze whether to show the Analyze button (Owner and Admin)
 * @param remediations the remediations applied to it, oldest first
 */
public record IncidentPage(
    Layout layout,
    IncidentsPage.Row incident,
    String details,
    List<String> related,
    List<Trigger> timeline,
    boolean canResolve,
    Rca rca,
    boolean canAnalyze,
    List<Remedy> remediations) {

  /**
   * One remediation in the history.
   *
   * @param id its id
   * @param kind its kind's wire name
   * @param params its parameters (JSON text)
   * @param status applied, reverted or failed
   * @param applied when and by whom
   * @param reverted when and by whom, or {@code ""}
   * @param canRevert whether to show the Revert button
   */
  public record Remedy(
      String id,
      String kind,
      String params,
      String status,
      String applied,
      String reverted,
      boolean canRevert) {}

  /**
   * One trigger.
   *
   * @param at when
   * @param relatedId the event or request id, or {@code null}
   * @param details its details (JSON text)
   */
  public record Trigger(String at, String relatedId, String details) {}

  /**
   * A root-cause analysis.
   *
   * @param failed whether it failed
   * @param source {@code built-in analysis} or the model's name
   * @param when when it ended
   * @param attempts how many were run
   * @param summary the summary, or {@code ""} when failed
   * @param likelyCause the likely cause, or {@code ""}
   * @param evidence the evidence
   * @param fixes the recommended fixes
   * @param requestIds the LLM requests it read
   * @param error the fault, or {@code ""} when done
   */
  public record Rca(
      boolean failed,
      String source,
      String when,
      int attempts,
      String summary,
      String likelyCause,
      List<String> evidence,
      List<String> fixes,
      List<String> requestIds,
      String error) {}
}
