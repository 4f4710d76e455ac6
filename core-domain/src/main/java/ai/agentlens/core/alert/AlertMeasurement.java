package ai.agentlens.core.alert;

/**
 * What a window of events holds, as the store computed it (OTLP metric events excluded).
 *
 * @param eventCount events
 * @param errorCount events with severity error or critical, or of type {@code tool_error}
 * @param costUsd Σ {@code cost_tracked.costUsd}
 * @param meanToolLatencyMs mean {@code tool_response.durationMs}, or {@code null} without any
 */
public record AlertMeasurement(
    long eventCount, long errorCount, double costUsd, Double meanToolLatencyMs) {

  /**
   * Returns the value a condition compares with its threshold (reference §4.3.9).
   *
   * @param c the condition
   * @return error rate as a fraction (0 without events), cost, mean latency (0 without tool
   *     responses), the event count; for {@code no_events_for} the event count
   */
  public double value(AlertCondition c) {
    return switch (c) {
      case ERROR_RATE_EXCEEDS -> eventCount == 0 ? 0 : (double) errorCount / eventCount;
      case COST_EXCEEDS -> costUsd;
      case LATENCY_EXCEEDS -> meanToolLatencyMs == null ? 0 : meanToolLatencyMs;
      case EVENT_COUNT_EXCEEDS, NO_EVENTS_FOR -> eventCount;
    };
  }

  /**
   * Tells whether a condition triggers: value &gt; threshold, or for {@code no_events_for} no event
   * at all (the threshold is not used).
   *
   * @param c the condition
   * @param threshold the rule's threshold
   * @return {@code true} when the rule fires
   */
  public boolean triggers(AlertCondition c, double threshold) {
    if (c == AlertCondition.NO_EVENTS_FOR) {
      return eventCount == 0;
    }
    return value(c) > threshold;
  }
}
