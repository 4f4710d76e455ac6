package ai.agentlens.core.alerting;

import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.alert.AlertSpecs;
import ai.agentlens.core.guardrail.action.WebhookSignature;
import ai.agentlens.core.port.Mailer;
import ai.agentlens.core.port.WebhookSender;
import java.net.URI;
import java.util.Map;

/**
 * Delivers a firing to one notify channel: {@code email:address} through the {@link Mailer}, any
 * other channel as a JSON POST through the {@link WebhookSender}, signed like guardrail webhooks
 * ({@code X-AgentLens-Signature}) when the rule has a webhook secret. Never throws: a failure
 * becomes an unsuccessful {@link AlertFiring.Delivery} with a reason that names no URL.
 */
public final class ChannelDelivery {

  private final Mailer mailer;
  private final WebhookSender webhooks;

  /**
   * Creates the delivery.
   *
   * @param mailer e-mail
   * @param webhooks the guarded webhook client
   */
  public ChannelDelivery(Mailer mailer, WebhookSender webhooks) {
    this.mailer = mailer;
    this.webhooks = webhooks;
  }

  /**
   * Notifies one channel.
   *
   * @param channel the channel
   * @param rule the rule that fired
   * @param firing the firing
   * @return the outcome
   */
  public AlertFiring.Delivery deliver(String channel, AlertRule rule, AlertFiring firing) {
    try {
      if (channel.startsWith(AlertSpecs.EMAIL)) {
        mailer.send(
            new Mailer.Message(
                channel.substring(AlertSpecs.EMAIL.length()),
                "[AgentLens] Alert: " + rule.spec().name(),
                AlertPayload.text(rule, firing)));
        return new AlertFiring.Delivery(channel, true, null);
      }
      String body = AlertPayload.json(rule, firing);
      Map<String, String> headers =
          rule.spec().webhookSecret() == null
              ? Map.of()
              : Map.of(
                  WebhookSignature.HEADER,
                  WebhookSignature.sign(rule.spec().webhookSecret(), body));
      WebhookSender.Result r = webhooks.post(URI.create(channel), headers, body);
      if (r.delivered()) {
        return new AlertFiring.Delivery(channel, true, null);
      }
      String why = r.error() != null ? r.error() : "webhook answered HTTP " + r.status();
      return new AlertFiring.Delivery(channel, false, why);
    } catch (Mailer.MailException e) {
      return new AlertFiring.Delivery(channel, false, "mail not sent: " + e.getMessage());
    } catch (RuntimeException e) {
      return new AlertFiring.Delivery(channel, false, "failed: " + e.getClass().getSimpleName());
    }
  }
}
