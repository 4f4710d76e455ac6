package ai.agentlens.core.benchmark;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.Metric;
import ai.agentlens.core.benchmark.model.Variant;
import ai.agentlens.core.benchmark.stats.ChiSquareTest;
import ai.agentlens.core.benchmark.stats.TestResult;
import ai.agentlens.core.benchmark.stats.WelchTest;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.session.Session;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Computes a benchmark's results document from its variants' sessions (reference §4.3.5): per
 * variant and metric the mean, standard deviation and count of the sessions that have a value; for
 * every pair of variants and every metric a Welch t-test (continuous metrics) or a 2×2 χ² test with
 * Yates' correction over the summed counts (proportions), the 95 % interval, the effect size, the
 * winner by the metric's direction when significant, and the stars; a summary sentence that warns
 * about variants with fewer than {@value #FEW} sessions. Pure.
 */
public final class BenchmarkResults {

  /** Below this many sessions a variant's results are called unreliable. */
  public static final int FEW = 30;

  private BenchmarkResults() {}

  /**
   * Computes the document.
   *
   * @param b the benchmark
   * @param sessions each variant's sessions, in the benchmark's variant order
   * @param now the computation time
   * @return the results as a JSON object
   */
  public static JsonObject compute(Benchmark b, List<List<Session>> sessions, Instant now) {
    List<Object> variants = new ArrayList<>();
    for (int i = 0; i < b.variants().size(); i++) {
      Variant v = b.variants().get(i);
      Map<String, Object> metrics = new LinkedHashMap<>();
      for (Metric m : b.metrics()) {
        double[] values = values(m, sessions.get(i));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mean", values.length == 0 ? null : num(mean(values)));
        s.put(
            "stddev", values.length < 2 ? null : num(new StandardDeviation(true).evaluate(values)));
        s.put("n", JsonNumber.of(values.length));
        metrics.put(m.wireName(), JsonObject.of(s));
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", v.name());
      o.put("tag", v.tag());
      o.put("sessionCount", JsonNumber.of(sessions.get(i).size()));
      o.put("metrics", JsonObject.of(metrics));
      variants.add(JsonObject.of(o));
    }
    List<Object> comparisons = new ArrayList<>();
    int significant = 0;
    for (Metric m : b.metrics()) {
      for (int i = 0; i < b.variants().size(); i++) {
        for (int j = i + 1; j < b.variants().size(); j++) {
          Optional<TestResult> r = test(m, sessions.get(i), sessions.get(j));
          if (r.isPresent() && r.get().significant()) {
            significant++;
          }
          comparisons.add(comparison(m, b.variants().get(i), b.variants().get(j), r));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmarkId", b.id());
    out.put("status", b.status().wireName());
    out.put("variants", JsonArray.of(variants));
    out.put("comparisons", JsonArray.of(comparisons));
    out.put("summary", summary(b, sessions, comparisons.size(), significant));
    out.put("computedAt", now.toString());
    return JsonObject.of(out);
  }

  static Optional<TestResult> test(Metric m, List<Session> a, List<Session> b) {
    if (m == Metric.HEALTH_SCORE) {
      return Optional.empty();
    }
    if (m.proportion()) {
      long[] ca = sum(m, a);
      long[] cb = sum(m, b);
      return ChiSquareTest.test(ca[0], ca[1], cb[0], cb[1]);
    }
    return WelchTest.test(values(m, a), values(m, b));
  }

  private static JsonObject comparison(Metric m, Variant a, Variant b, Optional<TestResult> r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("metric", m.wireName());
    o.put("variantA", a.name());
    o.put("variantB", b.name());
    o.put("testType", m.proportion() ? "chi_squared" : "welch_t");
    if (r.isEmpty()) {
      o.put("pValue", null);
      o.put("significant", false);
      o.put("winner", null);
      o.put("confidence", TestResult.stars(1));
      o.put("note", m == Metric.HEALTH_SCORE ? "not computed per session" : "not enough data");
      return JsonObject.of(o);
    }
    TestResult t = r.get();
    o.put("difference", num(t.difference()));
    o.put("statistic", num(t.statistic()));
    o.put("df", num(t.df()));
    o.put("pValue", num(t.pValue()));
    Map<String, Object> ci = new LinkedHashMap<>();
    ci.put("lower", num(t.ciLower()));
    ci.put("upper", num(t.ciUpper()));
    ci.put("level", num(0.95));
    o.put("confidenceInterval", JsonObject.of(ci));
    o.put("effectSize", num(t.effectSize()));
    o.put("effectSizeType", t.effectSizeType());
    o.put("significant", t.significant());
    String winner = null;
    if (t.significant() && t.difference() != 0) {
      boolean aLower = t.difference() < 0;
      winner = aLower == m.lowerIsBetter() ? a.name() : b.name();
    }
    o.put("winner", winner);
    o.put("confidence", TestResult.stars(t.pValue()));
    return JsonObject.of(o);
  }

  private static String summary(Benchmark b, List<List<Session>> s, int tests, int significant) {
    StringBuilder out = new StringBuilder();
    out.append(significant)
        .append(" of ")
        .append(tests)
        .append(" comparisons are significant (p < 0.05).");
    for (int i = 0; i < b.variants().size(); i++) {
      int n = s.get(i).size();
      if (n < FEW) {
        out.append(" Warning: variant ")
            .append(b.variants().get(i).name())
            .append(" has only ")
            .append(n)
            .append(n == 1 ? " session" : " sessions")
            .append("; results with fewer than ")
            .append(FEW)
            .append(" are unreliable.");
      }
    }
    return out.toString();
  }

  private static double[] values(Metric m, List<Session> sessions) {
    return sessions.stream()
        .map(m::value)
        .filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  private static long[] sum(Metric m, List<Session> sessions) {
    long[] out = new long[2];
    for (Session s : sessions) {
      long[] c = m.counts(s);
      out[0] += c[0];
      out[1] += c[1];
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  // why: JSON has no NaN or infinity; such a value is written as null
  private static JsonNumber num(double d) {
    return Double.isFinite(d) ? JsonNumber.of(BigDecimal.valueOf(d)) : null;
  }
}
