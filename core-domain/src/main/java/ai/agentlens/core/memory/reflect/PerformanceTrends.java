package ai.agentlens.core.memory.reflect;

import ai.agentlens.core.port.memory.ReflectReads.DayStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code performance_trends}: three insights, {@code latency_trend} (mean LLM latency, ms), {@code
 * error_rate_trend} (errors / events) and {@code cost_trend} (LLM cost, USD), each with its per-day
 * series and a direction from comparing the mean of the later half of the days with the earlier
 * half: more than {@value #THRESHOLD_PCT}% higher is {@code increasing}, that much lower {@code
 * decreasing}, else {@code stable}; fewer than two days is {@code insufficient_data}. Days without
 * LLM responses have no latency and are left out of the latency series. Confidence grows with the
 * days observed: {@code min(0.9, 0.3 + 0.1·days)}. Pure.
 */
public final class PerformanceTrends {

  /** Change (percent) beyond which a trend has a direction. */
  public static final int THRESHOLD_PCT = 10;

  private PerformanceTrends() {}

  /**
   * Analyzes the days.
   *
   * @param days per-day figures, oldest first
   * @return the three insights
   */
  public static List<Insight> analyze(List<DayStats> days) {
    List<Insight> out = new ArrayList<>();
    out.add(
        trend(
            "latency_trend",
            "Mean LLM latency (ms)",
            days.stream().filter(d -> d.llmResponses() > 0).toList(),
            d -> d.latencySumMs() / d.llmResponses()));
    out.add(
        trend(
            "error_rate_trend",
            "Error rate",
            days.stream().filter(d -> d.events() > 0).toList(),
            d -> (double) d.errors() / d.events()));
    out.add(trend("cost_trend", "Daily LLM cost (USD)", days, DayStats::costUsd));
    return out;
  }

  /**
   * The direction of a series.
   *
   * @param values the series, oldest first
   * @return {@code increasing}, {@code decreasing}, {@code stable} or {@code insufficient_data}
   */
  public static String direction(List<Double> values) {
    if (values.size() < 2) {
      return "insufficient_data";
    }
    double change = changePct(values);
    if (change > THRESHOLD_PCT) {
      return "increasing";
    }
    return change < -THRESHOLD_PCT ? "decreasing" : "stable";
  }

  private static double changePct(List<Double> values) {
    int half = values.size() / 2;
    double early = mean(values.subList(0, half));
    double late = mean(values.subList(values.size() - half, values.size()));
    if (early == 0) {
      return late == 0 ? 0 : 100;
    }
    return (late - early) / early * 100;
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static Insight trend(
      String type, String label, List<DayStats> days, ToDoubleFunction<DayStats> value) {
    List<Double> values = days.stream().map(d -> value.applyAsDouble(d)).toList();
    List<Map<String, Object>> series = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("date", days.get(i).day().toString().substring(0, 10));
      point.put("value", Insight.round(values.get(i), 6));
      series.add(point);
    }
    String direction = direction(values);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("direction", direction);
    data.put("days", (long) days.size());
    data.put("changePct", values.size() < 2 ? 0.0 : Insight.round(changePct(values), 2));
    data.put("average", Insight.round(mean(values), 6));
    data.put("series", series);
    String summary =
        values.size() < 2
            ? label + ": not enough days to tell a trend (" + values.size() + ")."
            : label
                + " is "
                + direction
                + " ("
                + Insight.round(changePct(values), 1)
                + "% from the first to the second half of "
                + values.size()
                + " days).";
    return new Insight(
        type, summary, data, Insight.round(Math.min(0.9, 0.3 + 0.1 * values.size()), 2));
  }
}
