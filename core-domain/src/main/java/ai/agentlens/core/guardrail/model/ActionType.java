package ai.agentlens.core.guardrail.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a triggered rule does (reference §4.3.6). Content actions carry the priority that decides an
 * evaluation (block 100 &gt; redact 50 &gt; alert 20 &gt; log_and_continue 10).
 */
public enum ActionType {
  /** Sets the agent's pausedAt/pauseReason. */
  PAUSE_AGENT("pause_agent", 0, false, true),
  /** POSTs a signed JSON body to a URL. */
  NOTIFY_WEBHOOK("notify_webhook", 0, false, true),
  /** Sets the agent's modelOverride. */
  DOWNGRADE_MODEL("downgrade_model", 0, false, true),
  /** Blocks the content. */
  BLOCK("block", 100, true, false),
  /** Redacts the matched spans. */
  REDACT("redact", 50, true, false),
  /** Records the trigger as an alert. */
  ALERT("alert", 20, true, true),
  /** Records the trigger and lets the content through. */
  LOG_AND_CONTINUE("log_and_continue", 10, true, true),
  /**
   * Stores an AgentGate policy reference on the agent, returned by the request check (this build
   * has no AgentGate to hand the policy to).
   */
  AGENTGATE_POLICY("agentgate_policy", 0, false, true),
  /** Limits the agent's events per minute for a window (ingest answers 429 beyond it). */
  RATE_LIMIT("rate_limit", 0, false, true);

  private final String wireName;
  private final int priority;
  private final boolean forContent;
  private final boolean forMetric;

  ActionType(String wireName, int priority, boolean forContent, boolean forMetric) {
    this.wireName = wireName;
    this.priority = priority;
    this.forContent = forContent;
    this.forMetric = forMetric;
  }

  /**
   * Returns the wire name, e.g. {@code pause_agent}.
   *
   * @return the name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the content-decision priority (0 for metric-only actions).
   *
   * @return the priority
   */
  public int priority() {
    return priority;
  }

  /**
   * Tells whether this build can run the action for a condition of the given kind.
   *
   * @param content {@code true} for a content condition
   * @return whether the pairing is allowed
   */
  public boolean allowedFor(boolean content) {
    return content ? forContent : forMetric;
  }

  /**
   * Tells whether this build implements the action at all.
   *
   * @return {@code false} for reference actions this build does not offer
   */
  public boolean available() {
    return forContent || forMetric;
  }

  /**
   * Looks a type up by wire name.
   *
   * @param wire the name
   * @return the type, or empty
   */
  public static Optional<ActionType> fromWireName(String wire) {
    return Arrays.stream(values()).filter(v -> v.wireName.equals(wire)).findFirst();
  }

  /**
   * Returns every wire name, for error messages.
   *
   * @return the names
   */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(ActionType::wireName).toList();
  }
}
