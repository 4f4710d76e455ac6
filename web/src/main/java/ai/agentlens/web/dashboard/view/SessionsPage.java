package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The sessions list (FR-82).
 *
 * @param layout the frame
 * @param rows the page of sessions
 * @param agents the org's agents, for the filter
 * @param agent the agent filter, or an empty string
 * @param status the status filter, or an empty string
 * @param from the start filter as typed ({@code datetime-local}, UTC), or an empty string
 * @param to the end filter, or an empty string
 * @param tag the tag filter, or an empty string
 * @param pageNumber the 1-based page
 * @param prevUrl the previous page's URL, or {@code null}
 * @param nextUrl the next page's URL, or {@code null}
 * @param filtered whether any filter is set
 * @param error a filter problem, or {@code null}
 */
public record SessionsPage(
    Layout layout,
    List<Row> rows,
    List<Option> agents,
    String agent,
    String status,
    String from,
    String to,
    String tag,
    int pageNumber,
    String prevUrl,
    String nextUrl,
    boolean filtered,
    String error) {

  /**
   * One session in the list.
   *
   * @param id the session id
   * @param agent the agent's name or id
   * @param status the reported status
   * @param started when it started
   * @param startedIso the same for {@code datetime}
   * @param duration how long it ran
   * @param events events
   * @param errors errors
   * @param llmCalls LLM calls
   * @param cost the cost
   * @param tags its tags
   */
  public record Row(
      String id,
      String agent,
      String status,
      String started,
      String startedIso,
      String duration,
      String events,
      long errors,
      String llmCalls,
      String cost,
      List<String> tags) {}

  /**
   * A choice of a select.
   *
   * @param value the value
   * @param label the label
   * @param selected whether it is chosen
   */
  public record Option(String value, String label, boolean selected) {}
}
