package ai.agentlens.core.remediation.model;

import java.util.Locale;
import java.util.Optional;

/** The six remediation actions of seed 003 R5. */
public enum RemediationKind {
  /** Sets the agent's preferred model ({@code model}). */
  SWITCH_MODEL,
  /** Lowers the risk score the agent's requests may reach ({@code riskThreshold}). */
  RAISE_SAFETY_THRESHOLD,
  /** Disables a tool ({@code tool}) or a route ({@code route}) of the agent. */
  DISABLE_ENDPOINT,
  /** Removes the agent's own settings: the org defaults apply. */
  RESET_AGENT_SETTINGS,
  /** Sets the agent's system prompt ({@code systemPrompt}). */
  CHANGE_SYSTEM_PROMPT,
  /** Limits the agent's events ({@code requestsPerMinute}), or an API key's ({@code keyId}). */
  RATE_LIMIT;

  /**
   * Returns the name on the wire.
   *
   * @return e.g. {@code switch_model}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param s the name
   * @return the kind, or empty when unknown
   */
  public static Optional<RemediationKind> fromWireName(String s) {
    for (RemediationKind k : values()) {
      if (k.wireName().equals(s)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
