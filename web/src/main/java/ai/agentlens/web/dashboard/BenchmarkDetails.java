package ai.agentlens.web.dashboard;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.web.dashboard.view.BenchmarksPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a benchmark and its results document into the page's detail section. */
final class BenchmarkDetails {

  private BenchmarkDetails() {}

  static BenchmarksPage.Detail of(Benchmark b, String resultsJson) {
    JsonObject r = JsonDoc.of(resultsJson).tree();
    List<BenchmarksPage.Row> variants = new ArrayList<>();
    Map<String, JsonObject> byName = new HashMap<>();
    for (Object o : r.array("variants")) {
      JsonObject v = (JsonObject) o;
      byName.put(v.string("name"), v.object("metrics"));
      variants.add(
          new BenchmarksPage.Row(
              null,
              v.string("name"),
              null,
              v.string("tag"),
              String.valueOf(v.get("sessionCount")),
              null));
    }
    List<BenchmarksPage.Comparison> rows = new ArrayList<>();
    for (Object o : r.array("comparisons")) {
      JsonObject c = (JsonObject) o;
      String metric = c.string("metric");
      String a = c.string("variantA");
      String bn = c.string("variantB");
      JsonObject ci = c.object("confidenceInterval");
      rows.add(
          new BenchmarksPage.Comparison(
              metric,
              a + " vs " + bn,
              "welch_t".equals(c.string("testType")) ? "Welch t" : "χ² (Yates)",
              mean(byName.get(a), metric) + " vs " + mean(byName.get(bn), metric),
              c.get("pValue") instanceof Number p ? pValue(p.doubleValue()) : "—",
              ci == null ? "—" : "[" + num(ci.get("lower")) + ", " + num(ci.get("upper")) + "]",
              c.get("effectSize") instanceof Number e
                  ? ("phi".equals(c.string("effectSizeType")) ? "φ " : "d ") + num(e)
                  : "—",
              c.string("confidence"),
              c.string("winner") == null ? "—" : c.string("winner")));
    }
    List<String> actions =
        Arrays.stream(BenchmarkStatus.values())
            .filter(s -> b.status().canMoveTo(s))
            .map(BenchmarkStatus::wireName)
            .toList();
    return new BenchmarksPage.Detail(
        b.id(),
        b.name(),
        b.status().wireName(),
        actions,
        variants,
        rows,
        r.string("summary"),
        b.status() == BenchmarkStatus.COMPLETED);
  }

  private static String mean(JsonObject metrics, String metric) {
    JsonObject m = metrics == null ? null : metrics.object(metric);
    return m != null && m.get("mean") instanceof Number n ? num(n) : "—";
  }

  private static String pValue(double p) {
    return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  private static String num(Object n) {
    return n instanceof Number x ? String.format(Locale.ROOT, "%.4g", x.doubleValue()) : "—";
  }
}
