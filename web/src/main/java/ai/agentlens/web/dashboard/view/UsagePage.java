package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The usage page (FR-62): this period's events against the plan, a daily chart (server-rendered
 * SVG, no script), the projection, the cost breakdown, the per-agent split and, for the Owner of a
 * plan with overage, the overage cap form.
 *
 * @param layout the frame
 * @param plan the plan's wire name
 * @param month the period shown, {@code YYYY-MM} (UTC)
 * @param used events stored this period, formatted
 * @param quota the quota and how much of it is used, or {@code null} when unlimited
 * @param projected projected events at the end of the period, formatted
 * @param chart the daily chart
 * @param days the chart's numbers, for the table
 * @param cost the cost breakdown, or {@code null} when the plan is not billed
 * @param agents events per agent
 * @param cap the overage cap, or {@code null} when the plan has none
 * @param perMinute the rate limit, formatted, or {@code unlimited}
 * @param retention the retention, e.g. {@code 30 days}, or {@code unlimited}
 * @param members the member limit, or {@code unlimited}
 * @param keys the API key limit, or {@code unlimited}
 */
public record UsagePage(
    Layout layout,
    String plan,
    String month,
    String used,
    Quota quota,
    String projected,
    Chart chart,
    List<DayRow> days,
    Cost cost,
    List<AgentRow> agents,
    Cap cap,
    String perMinute,
    String retention,
    String members,
    String keys) {

  /**
   * A limited monthly quota and how much of it is used.
   *
   * @param limit the quota, formatted
   * @param remaining events left, formatted
   * @param percent the used share in percent (may exceed 100)
   * @param meter the share for the progress bar, 0..100
   * @param capEvents the most events the period may hold, formatted
   */
  public record Quota(String limit, String remaining, long percent, long meter, String capEvents) {}

  /**
   * The daily bars in SVG user units.
   *
   * @param width the view box width
   * @param height the view box height
   * @param bars one bar per day
   * @param max the axis maximum, formatted
   */
  public record Chart(int width, int height, List<Bar> bars, String max) {}

  /**
   * One day's bar.
   *
   * @param x left edge
   * @param y top edge
   * @param w width
   * @param h height
   * @param label e.g. {@code 2026-12-02: 1,234 events}
   */
  public record Bar(int x, int y, int w, int h, String label) {}

  /**
   * One day in the table.
   *
   * @param date the UTC day
   * @param events events, formatted
   */
  public record DayRow(String date, String events) {}

  /**
   * The cost breakdown, formatted.
   *
   * @param base the monthly base price
   * @param per1k the overage price per 1,000 events
   * @param overageEvents events beyond the quota so far
   * @param overage their price
   * @param projectedOverageEvents projected events beyond the quota (within the cap)
   * @param projectedOverage their price
   * @param projectedTotal base plus projected overage
   */
  public record Cost(
      String base,
      String per1k,
      String overageEvents,
      String overage,
      String projectedOverageEvents,
      String projectedOverage,
      String projectedTotal) {}

  /**
   * One agent's share.
   *
   * @param agentId the agent
   * @param events its events, formatted
   * @param percent its share, e.g. {@code 42.5 %}
   */
  public record AgentRow(String agentId, String events, String percent) {}

  /**
   * The overage cap and its form.
   *
   * @param summary e.g. {@code 2 × the quota (1,000,000 events)}
   * @param editable whether the user may change it (Owner)
   * @param multiplier the form's multiplier value, or empty
   * @param events the form's events value, or empty
   */
  public record Cap(String summary, boolean editable, String multiplier, String events) {}
}
