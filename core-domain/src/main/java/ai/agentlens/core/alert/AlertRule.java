package ai.agentlens.core.alert;

import java.time.Instant;
import java.util.List;

/**
 * A stored alert rule of one org.
 *
 * @param id the rule's id
 * @param orgId the org
 * @param spec what the rule watches and where it notifies
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record AlertRule(
    String id, String orgId, AlertSpec spec, Instant createdAt, Instant updatedAt) {

  /**
   * The editable part of a rule.
   *
   * @param name a name for people
   * @param enabled whether the checker evaluates it
   * @param condition what it watches
   * @param threshold fires when the value exceeds it (≥ 0)
   * @param windowMinutes the window, 1..43200
   * @param agentId only this agent's events, or {@code null} for all
   * @param tags only events of sessions with any of these tags; empty for all
   * @param notifyChannels webhook URLs and {@code email:} addresses
   * @param webhookSecret the secret webhook bodies are signed with ({@code X-AgentLens-Signature}),
   *     or {@code null} for unsigned; never rendered
   */
  public record AlertSpec(
      String name,
      boolean enabled,
      AlertCondition condition,
      double threshold,
      int windowMinutes,
      String agentId,
      List<String> tags,
      List<String> notifyChannels,
      String webhookSecret) {

    /** Copies the lists. */
    public AlertSpec {
      tags = List.copyOf(tags);
      notifyChannels = List.copyOf(notifyChannels);
    }

    /**
     * A spec without a webhook secret.
     *
     * @param name a name for people
     * @param enabled whether the checker evaluates it
     * @param condition what it watches
     * @param threshold fires when the value exceeds it
     * @param windowMinutes the window
     * @param agentId only this agent, or {@code null}
     * @param tags only these tags, or empty
     * @param notifyChannels the channels
     */
    public AlertSpec(
        String name,
        boolean enabled,
        AlertCondition condition,
        double threshold,
        int windowMinutes,
        String agentId,
        List<String> tags,
        List<String> notifyChannels) {
      this(name, enabled, condition, threshold, windowMinutes, agentId, tags, notifyChannels, null);
    }

    /**
     * Returns this spec with another secret.
     *
     * @param secret the secret, or {@code null}
     * @return the copy
     */
    public AlertSpec withSecret(String secret) {
      return new AlertSpec(
          name,
          enabled,
          condition,
          threshold,
          windowMinutes,
          agentId,
          tags,
          notifyChannels,
          secret);
    }
  }
}
