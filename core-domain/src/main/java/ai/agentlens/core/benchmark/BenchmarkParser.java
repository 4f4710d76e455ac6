package ai.agentlens.core.benchmark;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.benchmark.model.Metric;
import ai.agentlens.core.benchmark.model.Variant;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a benchmark body (reference §4.3.5): {@code {name, description?, agentId?, metrics[≥1],
 * minSessionsPerVariant?, timeRange?{from,to}, variants[≥2]{name, tag, agentId?, description?}}},
 * collecting every problem by JSON path. Unknown keys are ignored; {@code null} means absent.
 */
public final class BenchmarkParser {

  /** Default of {@code minSessionsPerVariant}. */
  public static final int DEFAULT_MIN_SESSIONS = 30;

  /** Most variants a benchmark may have. */
  public static final int MAX_VARIANTS = 10;

  private final List<InvalidBenchmarkException.Problem> problems = new ArrayList<>();

  private BenchmarkParser() {}

  /**
   * Parses and validates a body into a new draft.
   *
   * @param body the JSON object, or {@code null} when there was none
   * @param id the new id
   * @param orgId the org
   * @param now the creation time
   * @return the draft benchmark
   * @throws InvalidBenchmarkException when anything is wrong
   */
  public static Benchmark parse(JsonObject body, String id, String orgId, Instant now) {
    BenchmarkParser p = new BenchmarkParser();
    if (body == null) {
      p.problem("", "a JSON object is required");
      throw new InvalidBenchmarkException(p.problems);
    }
    String name = p.text(body, "name", "name", true, 200);
    String description = p.text(body, "description", "description", false, 2000);
    String agentId = p.text(body, "agentId", "agentId", false, 256);
    List<Metric> metrics = p.metrics(body.get("metrics"));
    int min = p.integer(body.get("minSessionsPerVariant"));
    Instant[] range = p.range(body.get("timeRange"));
    List<Variant> variants = p.variants(body.get("variants"));
    if (!p.problems.isEmpty()) {
      throw new InvalidBenchmarkException(p.problems);
    }
    return new Benchmark(
        id,
        orgId,
        name,
        description,
        agentId,
        metrics,
        min,
        range[0],
        range[1],
        BenchmarkStatus.DRAFT,
        variants,
        now,
        now,
        null);
  }

  private void problem(String path, String message) {
    problems.add(new InvalidBenchmarkException.Problem(path, message));
  }

  private String text(JsonObject o, String field, String path, boolean required, int max) {
    Object v = o.get(field);
    if (v == null) {
      if (required) {
        problem(path, "required");
      }
      return null;
    }
    if (!(v instanceof String s) || (required && s.isBlank())) {
      problem(path, required ? "must be a non-empty string" : "must be a string");
      return null;
    }
    if (s.length() > max) {
      problem(path, "at most " + max + " characters");
      return null;
    }
    return s.isBlank() ? null : s.trim();
  }

  private List<Metric> metrics(Object v) {
    List<Metric> out = new ArrayList<>();
    if (!(v instanceof JsonArray a) || a.isEmpty()) {
      problem("metrics", "must be a non-empty array of metric names");
      return out;
    }
    for (int i = 0; i < a.size(); i++) {
      Object m = a.get(i);
      var metric = m instanceof String s ? Metric.parse(s) : java.util.Optional.<Metric>empty();
      if (metric.isEmpty()) {
        problem("metrics." + i, "unknown metric; allowed: " + allowed());
      } else if (out.contains(metric.get())) {
        problem("metrics." + i, "duplicate metric");
      } else {
        out.add(metric.get());
      }
    }
    return out;
  }

  private static List<String> allowed() {
    return java.util.Arrays.stream(Metric.values()).map(Metric::wireName).toList();
  }

  private int integer(Object v) {
    if (v == null) {
      return DEFAULT_MIN_SESSIONS;
    }
    if (v instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= 1
        && n.doubleValue() <= 100_000) {
      return n.intValue();
    }
    problem("minSessionsPerVariant", "must be an integer from 1 to 100000");
    return DEFAULT_MIN_SESSIONS;
  }

  private Instant[] range(Object v) {
    Instant[] out = new Instant[2];
    if (v == null) {
      return out;
    }
    if (!(v instanceof JsonObject o)) {
      problem("timeRange", "must be an object {from, to}");
      return out;
    }
    out[0] = time(o.get("from"), "timeRange.from");
    out[1] = time(o.get("to"), "timeRange.to");
    if (out[0] != null && out[1] != null && !out[0].isBefore(out[1])) {
      problem("timeRange", "from must be before to");
    }
    return out;
  }

  private Instant time(Object v, String path) {
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(String.valueOf(v)).toInstant();
    } catch (DateTimeParseException e) {
      problem(path, "must be an RFC 3339 date-time");
      return null;
    }
  }

  private List<Variant> variants(Object v) {
    List<Variant> out = new ArrayList<>();
    if (!(v instanceof JsonArray a) || a.size() < 2 || a.size() > MAX_VARIANTS) {
      problem("variants", "must be an array of 2 to " + MAX_VARIANTS + " variants");
      return out;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < a.size(); i++) {
      String at = "variants." + i;
      if (!(a.get(i) instanceof JsonObject o)) {
        problem(at, "must be an object {name, tag, agentId?, description?}");
        continue;
      }
      String name = text(o, "name", at + ".name", true, 200);
      String tag = text(o, "tag", at + ".tag", true, 200);
      String agent = text(o, "agentId", at + ".agentId", false, 256);
      String description = text(o, "description", at + ".description", false, 2000);
      if (name != null && !names.add(name)) {
        problem(at + ".name", "duplicate variant name");
      }
      out.add(new Variant(name, tag, agent, description));
    }
    return out;
  }
}
