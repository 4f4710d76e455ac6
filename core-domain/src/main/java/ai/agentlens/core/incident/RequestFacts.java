package ai.agentlens.core.incident;

import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.risk.RiskReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the built-in root-cause analysis counts in an incident's related LLM requests: failures by
 * model and finish reason, models, slow requests (over {@value #SLOW_FACTOR}× the median latency),
 * risky ones (score ≥ {@value #RISKY}) by reason, responses cut off (finish reason {@code length})
 * and tokens per model. Groups are ordered by count, then name, so the same requests always give
 * the same facts.
 */
final class RequestFacts {

  static final double SLOW_FACTOR = 2.0;
  static final int RISKY = 50;
  static final String UNKNOWN_MODEL = "an unnamed model";

  final int total;
  final int failed;
  final int slow;
  final int risky;
  final int truncated;
  final long medianLatencyMs;
  final long maxLatencyMs;
  final List<Map.Entry<String, Integer>> models;
  final List<Map.Entry<String, Integer>> failures;
  final List<Map.Entry<String, Integer>> failingModels;
  final List<Map.Entry<String, Integer>> slowModels;
  final List<Map.Entry<String, Integer>> riskReasons;
  final List<Map.Entry<String, Integer>> tokensByModel;
  final long tokens;

  RequestFacts(List<LlmRequest> requests) {
    total = requests.size();
    List<Long> latencies = new ArrayList<>();
    for (LlmRequest r : requests) {
      if (r.latencyMs() != null) {
        latencies.add(r.latencyMs());
      }
    }
    latencies.sort(Comparator.naturalOrder());
    medianLatencyMs = latencies.isEmpty() ? 0 : latencies.get((latencies.size() - 1) / 2);
    maxLatencyMs = latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1);
    Map<String, Integer> byModel = new TreeMap<>();
    Map<String, Integer> byFailure = new TreeMap<>();
    Map<String, Integer> byFailingModel = new TreeMap<>();
    Map<String, Integer> bySlowModel = new TreeMap<>();
    Map<String, Integer> byReason = new TreeMap<>();
    Map<String, Integer> byTokens = new TreeMap<>();
    int f = 0;
    int s = 0;
    int k = 0;
    int cut = 0;
    long t = 0;
    for (LlmRequest r : requests) {
      String model = r.model() == null || r.model().isBlank() ? UNKNOWN_MODEL : r.model();
      byModel.merge(model, 1, Integer::sum);
      if (r.status() == LlmRequestStatus.ERROR) {
        f++;
        String finish = r.finishReason() == null ? "error" : r.finishReason();
        byFailure.merge(model + " (finish reason " + finish + ")", 1, Integer::sum);
        byFailingModel.merge(model, 1, Integer::sum);
      }
      if ("length".equals(r.finishReason())) {
        cut++;
      }
      if (r.latencyMs() != null
          && medianLatencyMs > 0
          && r.latencyMs() > SLOW_FACTOR * medianLatencyMs) {
        s++;
        bySlowModel.merge(model, 1, Integer::sum);
      }
      if (r.riskScore() != null && r.riskScore() >= RISKY) {
        k++;
        for (RiskReason reason : r.reasons()) {
          byReason.merge(reason.code(), 1, Integer::sum);
        }
      }
      int used =
          (r.inputTokens() == null ? 0 : r.inputTokens())
              + (r.outputTokens() == null ? 0 : r.outputTokens());
      t += used;
      byTokens.merge(model, used, Integer::sum);
    }
    failed = f;
    slow = s;
    risky = k;
    truncated = cut;
    tokens = t;
    models = ranked(byModel);
    failures = ranked(byFailure);
    failingModels = ranked(byFailingModel);
    slowModels = ranked(bySlowModel);
    riskReasons = ranked(byReason);
    tokensByModel = ranked(byTokens);
  }

  boolean hasReason(String... codes) {
    for (Map.Entry<String, Integer> e : riskReasons) {
      for (String c : codes) {
        if (e.getKey().equals(c)) {
          return true;
        }
      }
    }
    return false;
  }

  static String list(List<Map.Entry<String, Integer>> groups, int max, String unit) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(max, groups.size()); i++) {
      Map.Entry<String, Integer> e = groups.get(i);
      out.append(i == 0 ? "" : ", ")
          .append(e.getKey())
          .append(" ")
          .append(e.getValue())
          .append(unit);
    }
    if (groups.size() > max) {
      out.append(", and ").append(groups.size() - max).append(" more");
    }
    return out.toString();
  }

  private static List<Map.Entry<String, Integer>> ranked(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(Map.entry(k, v)));
    // why: TreeMap gave name order; a stable sort by count keeps it among equal counts
    out.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue()).reversed());
    return List.copyOf(out);
  }
}
