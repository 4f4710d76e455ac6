package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.HourStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The z-score test of the hourly anomaly scan, a pure function: one agent's last full hour is
 * compared, metric by metric, with the {@link #BASELINE_HOURS} hours before it (an hour without
 * events counts as zero events, zero errors and zero cost; latency only over hours that have
 * latencies, at least {@link #MIN_LATENCY_HOURS} of them). Metrics: {@code events}, {@code
 * error_rate} (errors / events), {@code latency_ms} (mean LLM latency: the roll-ups keep sums, not
 * percentiles) and {@code cost_usd}. A metric is anomalous when |z| ≥ {@link #Z_THRESHOLD}, where z
 * = (last − mean) / max(sd, 10% of |mean|, the metric's floor) — the floors keep a perfectly flat
 * baseline from turning a tiny change into an infinite z. Only agents with at least {@code
 * minEvents} events in the last hour or on average per baseline hour are tested.
 */
public final class AnomalyScan {

  /** The baseline length in hours. */
  public static final int BASELINE_HOURS = 24;

  /** The |z| at which a metric is anomalous. */
  public static final double Z_THRESHOLD = 3.0;

  /** The fewest baseline hours with latencies the latency metric needs. */
  public static final int MIN_LATENCY_HOURS = 6;

  /**
   * One anomalous metric.
   *
   * @param agentId the agent
   * @param metric {@code events}, {@code error_rate}, {@code latency_ms} or {@code cost_usd}
   * @param value the last hour's value
   * @param mean the baseline mean
   * @param sd the baseline standard deviation (population)
   * @param z the z-score
   */
  public record Anomaly(
      String agentId, String metric, double value, double mean, double sd, double z) {}

  private AnomalyScan() {}

  /**
   * Tests one agent.
   *
   * @param agentId the agent
   * @param hour the last full hour's start
   * @param series the agent's hours from {@code hour − 24 h} to {@code hour} inclusive (any order;
   *     others are ignored)
   * @param minEvents the minimum volume
   * @return the anomalous metrics, in the order above
   */
  public static List<Anomaly> scan(
      String agentId, Instant hour, List<HourStats> series, long minEvents) {
    HourStats[] slots = new HourStats[BASELINE_HOURS + 1];
    Instant start = hour.minus(Duration.ofHours(BASELINE_HOURS));
    for (HourStats h : series) {
      long i = Duration.between(start, h.hour()).toHours();
      if (!h.hour().isBefore(start)
          && i <= BASELINE_HOURS
          && h.hour().equals(start.plus(Duration.ofHours(i)))) {
        slots[(int) i] = h;
      }
    }
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == null) {
        slots[i] = new HourStats(agentId, start.plus(Duration.ofHours(i)), 0, 0, 0, 0, 0);
      }
    }
    HourStats last = slots[BASELINE_HOURS];
    List<HourStats> base = List.of(slots).subList(0, BASELINE_HOURS);
    double baseEvents = base.stream().mapToLong(HourStats::events).average().orElse(0);
    if (last.events() < minEvents && baseEvents < minEvents) {
      return List.of();
    }
    List<Anomaly> out = new ArrayList<>();
    test(out, agentId, "events", last, base, h -> h.events(), 1);
    test(out, agentId, "error_rate", last, base, AnomalyScan::errorRate, 0.01);
    List<HourStats> withLatency = base.stream().filter(h -> h.latencyCount() > 0).toList();
    if (last.latencyCount() > 0 && withLatency.size() >= MIN_LATENCY_HOURS) {
      test(out, agentId, "latency_ms", last, withLatency, AnomalyScan::latency, 1);
    }
    test(out, agentId, "cost_usd", last, base, HourStats::costUsd, 0.01);
    return out;
  }

  private static double errorRate(HourStats h) {
    return h.events() == 0 ? 0 : (double) h.errors() / h.events();
  }

  private static double latency(HourStats h) {
    return h.latencySumMs() / h.latencyCount();
  }

  private static void test(
      List<Anomaly> out,
      String agentId,
      String metric,
      HourStats last,
      List<HourStats> base,
      ToDoubleFunction<HourStats> f,
      double floor) {
    double[] v = base.stream().mapToDouble(f).toArray();
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double var = 0;
    for (double x : v) {
      var += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(var / v.length);
    double value = f.applyAsDouble(last);
    double z = (value - mean) / Math.max(sd, Math.max(0.1 * Math.abs(mean), floor));
    if (Math.abs(z) >= Z_THRESHOLD) {
      out.add(new Anomaly(agentId, metric, value, mean, sd, z));
    }
  }
}
