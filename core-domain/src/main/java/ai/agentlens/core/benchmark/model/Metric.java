package ai.agentlens.core.benchmark.model;

import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a benchmark compares (reference §4.3.5), with its per-session value, whether it is a
 * proportion (tested with χ²) or continuous (Welch's t), and which direction is better.
 */
public enum Metric {
  /** Health score: not computed per session (always absent). */
  HEALTH_SCORE(false, false),
  /** {@code errorCount / eventCount}. */
  ERROR_RATE(true, true),
  /** {@code totalCostUsd}. */
  AVG_COST(false, true),
  /** Session duration / LLM calls. */
  AVG_LATENCY(false, true),
  /** {@code (toolCalls − min(errors, toolCalls)) / toolCalls}. */
  TOOL_SUCCESS_RATE(true, false),
  /** 1 when completed, else 0. */
  COMPLETION_RATE(true, false),
  /** Input plus output tokens. */
  AVG_TOKENS(false, true),
  /** Session duration in milliseconds. */
  AVG_DURATION(false, true);

  private final boolean proportion;
  private final boolean lowerIsBetter;

  Metric(boolean proportion, boolean lowerIsBetter) {
    this.proportion = proportion;
    this.lowerIsBetter = lowerIsBetter;
  }

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code avg_cost}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a metric up by wire name.
   *
   * @param wire e.g. {@code error_rate}
   * @return the metric, or empty
   */
  public static Optional<Metric> parse(String wire) {
    return Arrays.stream(values()).filter(m -> m.wireName().equals(wire)).findFirst();
  }

  /**
   * Whether the metric is a proportion, tested with the 2×2 χ² test.
   *
   * @return {@code true} for error, completion and tool-success rates
   */
  public boolean proportion() {
    return proportion;
  }

  /**
   * Whether a lower value wins.
   *
   * @return {@code true} for cost, latency, tokens, duration and error rate
   */
  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }

  /**
   * Returns one session's value.
   *
   * @param s the session
   * @return the value, or {@code null} when the session has none (health score; no duration for a
   *     running session; no LLM call for latency; no tool call for tool success)
   */
  public Double value(Session s) {
    Double duration =
        s.endedAt() == null
            ? null
            : (double) java.time.Duration.between(s.startedAt(), s.endedAt()).toMillis();
    return switch (this) {
      case HEALTH_SCORE -> null;
      case ERROR_RATE -> s.eventCount() == 0 ? null : (double) s.errorCount() / s.eventCount();
      case AVG_COST -> s.totalCostUsd();
      case AVG_LATENCY ->
          duration == null || s.llmCallCount() == 0 ? null : duration / s.llmCallCount();
      case TOOL_SUCCESS_RATE -> s.toolCallCount() == 0 ? null : successes(s) / s.toolCallCount();
      case COMPLETION_RATE -> s.status() == SessionStatus.COMPLETED ? 1.0 : 0.0;
      case AVG_TOKENS -> (double) (s.totalInputTokens() + s.totalOutputTokens());
      case AVG_DURATION -> duration;
    };
  }

  /**
   * Returns one session's successes and trials for a proportion metric (the counts of the χ²
   * table): error events of all events, completed sessions of sessions, successful tool calls of
   * tool calls.
   *
   * @param s the session
   * @return {@code {successes, trials}}
   * @throws IllegalStateException for a continuous metric
   */
  public long[] counts(Session s) {
    return switch (this) {
      case ERROR_RATE -> new long[] {s.errorCount(), s.eventCount()};
      case COMPLETION_RATE -> new long[] {s.status() == SessionStatus.COMPLETED ? 1 : 0, 1};
      case TOOL_SUCCESS_RATE -> new long[] {(long) successes(s), s.toolCallCount()};
      default -> throw new IllegalStateException(this + " is not a proportion");
    };
  }

  private static double successes(Session s) {
    return s.toolCallCount() - Math.min(s.errorCount(), s.toolCallCount());
  }
}
