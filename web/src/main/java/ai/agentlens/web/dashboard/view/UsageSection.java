package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The roll-up sections of the analytics page (issue 16): the daily trend with its range picker, the
 * day-of-week × hour heatmap and the per-agent table of this month.
 *
 * @param trend the trend figure
 * @param heatmap the heatmap
 * @param agents one line per agent, tokens descending
 * @param month this month in words, e.g. {@code March 2026}
 */
public record UsageSection(Trend trend, Heatmap heatmap, List<AgentRow> agents, String month) {

  /**
   * The daily trend.
   *
   * @param days the chosen range in days
   * @param ranges the choices (7, 30, 90)
   * @param chart JSON for the chart ({@code labels}, {@code tokens}, {@code calls}, {@code cost})
   * @param totals headline numbers over the range
   * @param rows one line per day, ascending
   * @param otherQuery the page's other query parameters, kept by the picker's links
   */
  public record Trend(
      int days,
      List<SessionsPage.Option> ranges,
      String chart,
      List<TimelineItem.Fact> totals,
      List<TrendRow> rows,
      String otherQuery) {}

  /**
   * One day of the trend table.
   *
   * @param date {@code YYYY-MM-DD}
   * @param tokens LLM tokens
   * @param calls LLM calls
   * @param cost cost
   */
  public record TrendRow(String date, String tokens, String calls, String cost) {}

  /**
   * Events by UTC day of week and hour, every agent together.
   *
   * @param rows Sunday to Saturday
   * @param legend the colour levels and the counts they stand for
   * @param total events in the window
   */
  public record Heatmap(List<HeatRow> rows, List<LegendItem> legend, String total) {}

  /**
   * One day of week.
   *
   * @param day e.g. {@code Sunday}
   * @param abbr e.g. {@code Sun}
   * @param cells hours 0–23
   */
  public record HeatRow(String day, String abbr, List<HeatCell> cells) {}

  /**
   * One hour of one day of week.
   *
   * @param count events
   * @param text the count as shown ({@code ""} for none)
   * @param level colour level 0 (none) to 4 (most)
   * @param title the cell in words, e.g. {@code Tuesday 15:00–16:00 UTC: 2 events}
   */
  public record HeatCell(long count, String text, int level, String title) {}

  /**
   * One colour of the legend.
   *
   * @param level 0–4
   * @param label the counts it stands for, e.g. {@code 1–5}
   */
  public record LegendItem(int level, String label) {}

  /**
   * One agent this month.
   *
   * @param agentId the agent
   * @param name its name
   * @param tokens LLM tokens
   * @param calls LLM calls
   * @param cost cost
   */
  public record AgentRow(String agentId, String name, String tokens, String calls, String cost) {}
}
