package ai.agentlens.core.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds {@link LlmUsage} rows into the LLM analytics report of reference §4.3.2: a summary, the
 * calls by (provider, model) ordered by cost descending, and the calls by time bucket ascending.
 * Bucket labels: hour {@code YYYY-MM-DDTHH:00:00Z}, day {@code YYYY-MM-DDT00:00:00Z}, week {@code
 * YYYY-WW} (SQLite's {@code %W}: weeks start on Monday, days before the year's first Monday are
 * week 00).
 */
public final class LlmAnalytics {

  /** Bucket sizes of the report. */
  public enum Granularity {
    /** One bucket per hour. */
    HOUR,
    /** One bucket per UTC day. */
    DAY,
    /** One bucket per week (Monday first). */
    WEEK
  }

  /**
   * Totals over every call.
   *
   * @param totalCalls calls
   * @param totalCostUsd cost
   * @param totalInputTokens input tokens
   * @param totalOutputTokens output tokens
   * @param avgLatencyMs mean latency (0 without latencies)
   * @param avgCostPerCall cost per call (0 without calls)
   */
  public record Summary(
      long totalCalls,
      double totalCostUsd,
      long totalInputTokens,
      long totalOutputTokens,
      double avgLatencyMs,
      double avgCostPerCall) {}

  /**
   * One (provider, model) line.
   *
   * @param provider provider
   * @param model model
   * @param calls calls
   * @param costUsd cost
   * @param inputTokens input tokens
   * @param outputTokens output tokens
   * @param avgLatencyMs mean latency
   */
  public record ByModel(
      String provider,
      String model,
      long calls,
      double costUsd,
      long inputTokens,
      long outputTokens,
      double avgLatencyMs) {}

  /**
   * One time bucket.
   *
   * @param bucket the label
   * @param calls calls
   * @param costUsd cost
   * @param inputTokens input tokens
   * @param outputTokens output tokens
   * @param avgLatencyMs mean latency
   */
  public record ByTime(
      String bucket,
      long calls,
      double costUsd,
      long inputTokens,
      long outputTokens,
      double avgLatencyMs) {}

  /**
   * The report.
   *
   * @param summary totals
   * @param byModel per model, cost descending
   * @param byTime per bucket, ascending
   */
  public record Report(Summary summary, List<ByModel> byModel, List<ByTime> byTime) {}

  private static final DateTimeFormatter HOUR_LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH':00:00Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T00:00:00Z'").withZone(ZoneOffset.UTC);

  private LlmAnalytics() {}

  /**
   * Builds the report.
   *
   * @param rows the aggregated rows (hourly rows for HOUR, daily or hourly rows otherwise)
   * @param granularity the report's buckets
   * @param model only this model, or {@code null}
   * @param provider only this provider, or {@code null}
   * @return the report
   */
  public static Report report(
      List<LlmUsage> rows, Granularity granularity, String model, String provider) {
    Acc total = new Acc();
    Map<String, Acc> models = new LinkedHashMap<>();
    Map<String, String[]> modelKeys = new LinkedHashMap<>();
    TreeMap<String, Acc> times = new TreeMap<>();
    for (LlmUsage r : rows) {
      if ((model != null && !model.equals(r.model()))
          || (provider != null && !provider.equals(r.provider()))) {
        continue;
      }
      total.add(r);
      String key = r.provider() + "\u0000" + r.model();
      modelKeys.putIfAbsent(key, new String[] {r.provider(), r.model()});
      models.computeIfAbsent(key, k -> new Acc()).add(r);
      times.computeIfAbsent(label(r.bucket(), granularity), k -> new Acc()).add(r);
    }
    List<ByModel> byModel = new ArrayList<>();
    models.forEach(
        (k, a) -> {
          String[] pm = modelKeys.get(k);
          byModel.add(new ByModel(pm[0], pm[1], a.calls, a.cost, a.in, a.out, a.avgLatency()));
        });
    byModel.sort(
        Comparator.comparingDouble(ByModel::costUsd)
            .reversed()
            .thenComparing(ByModel::provider)
            .thenComparing(ByModel::model));
    List<ByTime> byTime = new ArrayList<>();
    times.forEach(
        (label, a) -> byTime.add(new ByTime(label, a.calls, a.cost, a.in, a.out, a.avgLatency())));
    Summary summary =
        new Summary(
            total.calls,
            total.cost,
            total.in,
            total.out,
            total.avgLatency(),
            total.calls == 0 ? 0 : total.cost / total.calls);
    return new Report(summary, List.copyOf(byModel), List.copyOf(byTime));
  }

  /**
   * Labels the bucket an instant falls in.
   *
   * @param t the instant
   * @param granularity the bucket size
   * @return the label
   */
  public static String label(Instant t, Granularity granularity) {
    return switch (granularity) {
      case HOUR -> HOUR_LABEL.format(t);
      case DAY -> DAY_LABEL.format(t);
      case WEEK -> week(t.atZone(ZoneOffset.UTC).toLocalDate());
    };
  }

  private static String week(LocalDate d) {
    // SQLite %W: (day of year + 7 - weekday from Monday) / 7, with Monday = 0
    int dayOfYear = d.getDayOfYear() - 1;
    int mondayBased = d.getDayOfWeek().getValue() - 1;
    int week = (dayOfYear + 7 - mondayBased) / 7;
    return String.format("%04d-%02d", d.getYear(), week);
  }

  private static final class Acc {
    long calls;
    double cost;
    long in;
    long out;
    double latencySum;
    long latencyCount;

    void add(LlmUsage r) {
      calls += r.calls();
      cost += r.costUsd();
      in += r.inputTokens();
      out += r.outputTokens();
      latencySum += r.latencySumMs();
      latencyCount += r.latencyCount();
    }

    double avgLatency() {
      return latencyCount == 0 ? 0 : latencySum / latencyCount;
    }
  }
}
