package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * LLM analytics (FR-83): calls, tokens and cost over time and by model.
 *
 * @param layout the frame
 * @param range the chosen range key ({@code 24h}, {@code 7d}, {@code 30d}, {@code 90d})
 * @param ranges the choices
 * @param summary headline numbers
 * @param models one line per (provider, model)
 * @param times one line per bucket
 * @param chartTime JSON for the time chart ({@code labels}, {@code calls}, {@code cost}, {@code
 *     tokens})
 * @param chartModels JSON for the by-model chart
 * @param rangeText the range in words
 * @param usage the roll-up sections: daily trend, activity heatmap, agents this month
 */
public record AnalyticsPage(
    Layout layout,
    String range,
    List<SessionsPage.Option> ranges,
    List<TimelineItem.Fact> summary,
    List<ModelRow> models,
    List<TimeRow> times,
    String chartTime,
    String chartModels,
    String rangeText,
    UsageSection usage) {

  /**
   * A model's line.
   *
   * @param provider provider
   * @param model model
   * @param calls calls
   * @param inputTokens input tokens
   * @param outputTokens output tokens
   * @param cost cost
   * @param latency mean latency
   */
  public record ModelRow(
      String provider,
      String model,
      String calls,
      String inputTokens,
      String outputTokens,
      String cost,
      String latency) {}

  /**
   * A bucket's line.
   *
   * @param bucket the label
   * @param calls calls
   * @param tokens input + output tokens
   * @param cost cost
   * @param latency mean latency
   */
  public record TimeRow(String bucket, String calls, String tokens, String cost, String latency) {}
}
