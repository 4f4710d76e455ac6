package ai.agentlens.core.optimize.model;

import java.util.Locale;

/**
 * How demanding one LLM call was (reference §4.3.8), from its input tokens and the number of tool
 * calls in its response. The thresholds are constants so that the SQL that classifies calls inside
 * the database is built from the same numbers as {@link #classify}.
 */
public enum ComplexityTier {
  /** Fewer than {@value #SIMPLE_BELOW_TOKENS} input tokens and no tool call. */
  SIMPLE,
  /** Anything that is neither simple, complex nor expert. */
  MODERATE,
  /** More than {@value #COMPLEX_ABOVE_TOKENS} input tokens or at least 6 tool calls. */
  COMPLEX,
  /** More than {@value #EXPERT_ABOVE_TOKENS} input tokens or at least 16 tool calls. */
  EXPERT;

  /** Input tokens above which a call is expert. */
  public static final long EXPERT_ABOVE_TOKENS = 50_000;

  /** Tool calls from which a call is expert. */
  public static final int EXPERT_FROM_TOOLS = 16;

  /** Input tokens above which a call is complex. */
  public static final long COMPLEX_ABOVE_TOKENS = 10_000;

  /** Tool calls from which a call is complex. */
  public static final int COMPLEX_FROM_TOOLS = 6;

  /** Input tokens below which a call without tool calls is simple. */
  public static final long SIMPLE_BELOW_TOKENS = 1_000;

  /**
   * Classifies one call.
   *
   * @param inputTokens the response's {@code usage.inputTokens}, or {@code null} when unknown (an
   *     unknown count is never simple)
   * @param toolCalls tool calls in the response, &gt;= 0
   * @return the tier
   */
  public static ComplexityTier classify(Long inputTokens, int toolCalls) {
    boolean known = inputTokens != null;
    if (known && inputTokens > EXPERT_ABOVE_TOKENS || toolCalls >= EXPERT_FROM_TOOLS) {
      return EXPERT;
    }
    if (known && inputTokens > COMPLEX_ABOVE_TOKENS || toolCalls >= COMPLEX_FROM_TOOLS) {
      return COMPLEX;
    }
    if (known && inputTokens < SIMPLE_BELOW_TOKENS && toolCalls == 0) {
      return SIMPLE;
    }
    return MODERATE;
  }

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code simple}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param wire e.g. {@code simple}
   * @return the tier
   * @throws IllegalArgumentException for an unknown name
   */
  public static ComplexityTier fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
