package ai.agentlens.core.port;

import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertRule;

/**
 * Delivers a firing to one notify channel: an {@code http(s)} webhook URL or {@code email:address}.
 *
 * <p>Contract: never throws; a failure (refused target, timeout, non-2xx answer, mail server down)
 * comes back as a {@link AlertFiring.Delivery} with {@code ok = false} and a short reason that
 * holds no secret. Blocks at most about 10 s per call. Thread-safe.
 */
public interface AlertNotifier {

  /**
   * Notifies one channel.
   *
   * @param channel the channel
   * @param rule the rule that fired
   * @param firing the firing (its deliveries are still empty)
   * @return the outcome
   */
  AlertFiring.Delivery deliver(String channel, AlertRule rule, AlertFiring firing);
}
