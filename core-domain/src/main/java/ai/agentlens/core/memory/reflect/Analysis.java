package ai.agentlens.core.memory.reflect;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The deterministic analyses of reflect (reference §4.3.7). {@code session_comparison}, listed by
 * some SDKs, is not one of them (the reference server answers 400 too).
 */
public enum Analysis {
  /** Errors grouped by normalized message and tool. */
  ERROR_PATTERNS("error_patterns"),
  /** Tool n-gram sequences with frequency and error rate. */
  TOOL_SEQUENCES("tool_sequences"),
  /** Cost by model and agent, and the most expensive sessions. */
  COST_ANALYSIS("cost_analysis"),
  /** Latency, error rate and cost per day, with a trend direction. */
  PERFORMANCE_TRENDS("performance_trends");

  private final String wireName;

  Analysis(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name on the wire.
   *
   * @return e.g. {@code error_patterns}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Looks an analysis up by its wire name.
   *
   * @param wireName the name, case-sensitive
   * @return the analysis, or empty when unknown
   */
  public static Optional<Analysis> parse(String wireName) {
    return Arrays.stream(values()).filter(a -> a.wireName.equals(wireName)).findFirst();
  }

  /**
   * Every wire name, for error messages.
   *
   * @return the names in declaration order
   */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Analysis::wireName).toList();
  }
}
