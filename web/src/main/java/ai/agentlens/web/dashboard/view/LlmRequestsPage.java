package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The LLM requests page: search box, filters, sortable columns, risk badges with reasons, paging.
 *
 * @param layout the frame
 * @param q the search text, or an empty string
 * @param agent the agent filter, or an empty string
 * @param model the model filter, or an empty string
 * @param status the status filter, or an empty string
 * @param minRisk the minimum risk, or an empty string
 * @param error what was wrong with the filters, or {@code null}
 * @param rows the requests shown
 * @param sorts the sortable columns' links, in column order (time, model, latency, risk)
 * @param prevUrl the previous page, or {@code null}
 * @param nextUrl the next page, or {@code null}
 * @param pageNumber the page, from 1
 */
public record LlmRequestsPage(
    Layout layout,
    String q,
    String agent,
    String model,
    String status,
    String minRisk,
    String error,
    List<Row> rows,
    List<Sort> sorts,
    String prevUrl,
    String nextUrl,
    int pageNumber) {

  /**
   * One request as a table row.
   *
   * @param id the id
   * @param started when it started, for people
   * @param startedIso when it started, ISO
   * @param agent the agent or "—"
   * @param model the model or "—"
   * @param status pending, success or error
   * @param latency e.g. {@code 340 ms}, or "—"
   * @param prompt the prompt, shortened
   * @param response the response, shortened
   * @param risk the score, or "—"
   * @param riskLevel {@code high}, {@code medium}, {@code low} (the badge's class)
   * @param reasons the reasons' codes with their weights
   */
  public record Row(
      String id,
      String started,
      String startedIso,
      String agent,
      String model,
      String status,
      String latency,
      String prompt,
      String response,
      String risk,
      String riskLevel,
      List<String> reasons) {}

  /**
   * A sortable column's header link.
   *
   * @param label the column
   * @param url the link that sorts by it (toggling the order when it is the current sort)
   * @param ariaSort {@code ascending}, {@code descending} or {@code none}
   */
  public record Sort(String label, String url, String ariaSort) {}

  /**
   * Whether any filter is set.
   *
   * @return true when filtered
   */
  public boolean filtered() {
    return !q.isEmpty()
        || !agent.isEmpty()
        || !model.isEmpty()
        || !status.isEmpty()
        || !minRisk.isEmpty();
  }
}
