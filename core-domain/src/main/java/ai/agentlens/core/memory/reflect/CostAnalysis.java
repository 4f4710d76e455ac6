package ai.agentlens.core.memory.reflect;

import ai.agentlens.core.port.memory.ReflectReads.CostGroup;
import ai.agentlens.core.port.memory.ReflectReads.SessionCost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code cost_analysis}: LLM spend by model ({@code cost_by_model}), by agent ({@code
 * cost_by_agent}), each with its share of the total, calls and cost per call, highest first; then
 * the most expensive sessions ({@code top_session}). Up to {@code limit} insights of each kind.
 * Sums are exact, so confidence is 1 where there is spend. Pure.
 */
public final class CostAnalysis {

  private CostAnalysis() {}

  /**
   * Analyzes the spend.
   *
   * @param groups spend per (agent, model)
   * @param top the most expensive sessions, highest first
   * @param limit most insights of each kind
   * @return the insights
   */
  public static List<Insight> analyze(List<CostGroup> groups, List<SessionCost> top, int limit) {
    double total = groups.stream().mapToDouble(CostGroup::costUsd).sum();
    List<Insight> out = new ArrayList<>();
    out.addAll(by(groups, CostGroup::model, "model", total, limit));
    out.addAll(by(groups, CostGroup::agentId, "agent", total, limit));
    for (SessionCost s : top.subList(0, Math.min(limit, top.size()))) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("sessionId", s.sessionId());
      data.put("agentId", s.agentId());
      data.put("startedAt", s.startedAt().toString());
      data.put("costUsd", Insight.round(s.costUsd(), 6));
      data.put("eventCount", s.eventCount());
      data.put("errorCount", s.errorCount());
      out.add(
          new Insight(
              "top_session",
              "Session "
                  + s.sessionId()
                  + " of "
                  + s.agentId()
                  + " cost $"
                  + money(s.costUsd())
                  + ".",
              data,
              1.0));
    }
    return out;
  }

  private static List<Insight> by(
      List<CostGroup> groups,
      Function<CostGroup, String> key,
      String kind,
      double total,
      int limit) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (CostGroup g : groups) {
      String k = key.apply(g) == null ? "(unknown)" : key.apply(g);
      double[] s = sums.computeIfAbsent(k, x -> new double[4]);
      s[0] += g.costUsd();
      s[1] += g.calls();
      s[2] += g.inputTokens();
      s[3] += g.outputTokens();
    }
    return sums.entrySet().stream()
        .sorted(
            Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0])
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(
            e -> {
              double[] s = e.getValue();
              double share = total > 0 ? s[0] / total : 0;
              Map<String, Object> data = new LinkedHashMap<>();
              data.put(kind.equals("model") ? "model" : "agentId", e.getKey());
              data.put("costUsd", Insight.round(s[0], 6));
              data.put("calls", (long) s[1]);
              data.put("avgCostPerCall", s[1] > 0 ? Insight.round(s[0] / s[1], 6) : 0.0);
              data.put("inputTokens", (long) s[2]);
              data.put("outputTokens", (long) s[3]);
              data.put("share", Insight.round(share, 4));
              return new Insight(
                  "cost_by_" + kind,
                  (kind.equals("model") ? "Model " : "Agent ")
                      + e.getKey()
                      + " cost $"
                      + money(s[0])
                      + " over "
                      + (long) s[1]
                      + " calls ("
                      + Insight.round(share * 100, 1)
                      + "% of LLM spend).",
                  data,
                  1.0);
            })
        .toList();
  }

  private static String money(double v) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(4, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }
}
