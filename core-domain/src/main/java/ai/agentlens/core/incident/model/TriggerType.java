package ai.agentlens.core.incident.model;

import java.util.Locale;
import java.util.Optional;

/** What opened an incident; wire names are the lower-case constant names. */
public enum TriggerType {
  /** Request latency over a rule's threshold. */
  LATENCY(true),
  /** Repeated errors within a rule's window. */
  ERRORS(true),
  /** A request's risk score over a rule's threshold. */
  RISK(true),
  /** Cost within a rule's window over its threshold. */
  COST_SPIKE(true),
  /** The hourly anomaly scan. */
  ANOMALY(false),
  /** A Datadog monitor webhook. */
  DATADOG(false);

  private final boolean ruleType;

  TriggerType(boolean ruleType) {
    this.ruleType = ruleType;
  }

  /**
   * Whether an {@link IncidentRule} may have this type.
   *
   * @return {@code true} for latency, errors, risk and cost_spike
   */
  public boolean ruleType() {
    return ruleType;
  }

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code cost_spike}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param s the text, possibly {@code null}
   * @return the type, or empty when unknown
   */
  public static Optional<TriggerType> fromWireName(String s) {
    for (TriggerType v : values()) {
      if (v.wireName().equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
