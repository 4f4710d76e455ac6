package ai.agentlens.core.alert;

import java.time.Instant;
import java.util.List;

/**
 * One firing of a rule: a row of the alert history.
 *
 * @param id the firing's id
 * @param ruleId the rule
 * @param ruleName the rule's name when it fired
 * @param condition the rule's condition
 * @param value the measured value
 * @param threshold the rule's threshold
 * @param windowFrom start of the window measured
 * @param triggeredAt end of the window, when it fired
 * @param deliveries one outcome per notify channel
 */
public record AlertFiring(
    String id,
    String ruleId,
    String ruleName,
    AlertCondition condition,
    double value,
    double threshold,
    Instant windowFrom,
    Instant triggeredAt,
    List<Delivery> deliveries) {

  /** Copies the list. */
  public AlertFiring {
    deliveries = List.copyOf(deliveries);
  }

  /**
   * The outcome of notifying one channel.
   *
   * @param channel the channel (URL or {@code email:address})
   * @param ok whether it was handed over
   * @param error why not, or {@code null}
   */
  public record Delivery(String channel, boolean ok, String error) {}
}
