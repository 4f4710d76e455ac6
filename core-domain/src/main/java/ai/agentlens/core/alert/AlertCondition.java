package ai.agentlens.core.alert;

import java.util.Arrays;
import java.util.Optional;

/** What an alert rule watches over its window (reference §4.3.9). */
public enum AlertCondition {
  /** Errors / events, as a fraction 0..1 (not a percentage). */
  ERROR_RATE_EXCEEDS("error_rate_exceeds"),
  /** Σ {@code cost_tracked.costUsd}. */
  COST_EXCEEDS("cost_exceeds"),
  /** Mean {@code tool_response.durationMs}. */
  LATENCY_EXCEEDS("latency_exceeds"),
  /** Number of events. */
  EVENT_COUNT_EXCEEDS("event_count_exceeds"),
  /** No event at all in the window. */
  NO_EVENTS_FOR("no_events_for");

  private final String wireName;

  AlertCondition(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the API name.
   *
   * @return e.g. {@code cost_exceeds}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Finds a condition by its API name.
   *
   * @param name the name
   * @return the condition, or empty
   */
  public static Optional<AlertCondition> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }
}
