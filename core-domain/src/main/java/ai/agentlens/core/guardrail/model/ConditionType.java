package ai.agentlens.core.guardrail.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a guardrail rule watches (reference §4.3.6): a metric after ingest, or content on demand.
 */
public enum ConditionType {
  /** Share of error events in a window, in percent. */
  ERROR_RATE_THRESHOLD("error_rate_threshold", false),
  /** Spend of a session or of the current UTC day, in USD. */
  COST_LIMIT("cost_limit", false),
  /** The agent's health score falls below a floor. */
  HEALTH_SCORE_THRESHOLD("health_score_threshold", false),
  /** A numeric metadata value or a count compared with a value. */
  CUSTOM_METRIC("custom_metric", false),
  /** Personal data in content. */
  PII_DETECTION("pii_detection", true),
  /** Credentials in content. */
  SECRETS_DETECTION("secrets_detection", true),
  /** A caller-supplied regular expression over content. */
  CONTENT_REGEX("content_regex", true),
  /** Toxic language in content (local word list). */
  TOXICITY_DETECTION("toxicity_detection", true),
  /** Prompt-injection phrasing in content. */
  PROMPT_INJECTION("prompt_injection", true);

  private final String wireName;
  private final boolean content;

  ConditionType(String wireName, boolean content) {
    this.wireName = wireName;
    this.content = content;
  }

  /**
   * Returns the wire name, e.g. {@code cost_limit}.
   *
   * @return the name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Tells whether the condition is evaluated on content ({@code POST /api/guardrails/evaluate}).
   *
   * @return {@code true} for content conditions, {@code false} for metric ones
   */
  public boolean isContent() {
    return content;
  }

  /**
   * Looks a type up by wire name.
   *
   * @param wire the name
   * @return the type, or empty
   */
  public static Optional<ConditionType> fromWireName(String wire) {
    return Arrays.stream(values()).filter(v -> v.wireName.equals(wire)).findFirst();
  }

  /**
   * Returns every wire name, for error messages.
   *
   * @return the names in declaration order
   */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(ConditionType::wireName).toList();
  }
}
