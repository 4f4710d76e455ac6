package ai.agentlens.web.alerts;

import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.alert.AlertSpecs;
import ai.agentlens.core.port.AlertNotifier;
import ai.agentlens.core.port.Mailer;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Delivers firings: {@code email:address} through the {@link Mailer}, anything else as a JSON POST
 * through the {@link GuardedWebhook} ({@code agentlens.alerts.webhook.allow-private} lets tests and
 * operators reach loopback or private targets). Never throws: failures become unsuccessful
 * deliveries with a reason that names no URL.
 */
@Singleton
public class AlertNotifiers implements AlertNotifier {

  private final Mailer mailer;
  private final GuardedWebhook webhook;

  AlertNotifiers(
      Mailer mailer,
      @Value("${agentlens.alerts.webhook.allow-private:false}") boolean allowPrivate) {
    this.mailer = mailer;
    this.webhook = new GuardedWebhook(allowPrivate);
  }

  @Override
  public AlertFiring.Delivery deliver(String channel, AlertRule rule, AlertFiring firing) {
    try {
      if (channel.startsWith(AlertSpecs.EMAIL)) {
        mailer.send(
            new Mailer.Message(
                channel.substring(AlertSpecs.EMAIL.length()),
                "[AgentLens] Alert: " + rule.spec().name(),
                AlertPayload.text(rule, firing)));
      } else {
        webhook.post(channel, AlertPayload.json(rule, firing));
      }
      return new AlertFiring.Delivery(channel, true, null);
    } catch (GuardedWebhook.WebhookException e) {
      return new AlertFiring.Delivery(channel, false, e.getMessage());
    } catch (Mailer.MailException e) {
      return new AlertFiring.Delivery(channel, false, "mail not sent: " + e.getMessage());
    } catch (RuntimeException e) {
      return new AlertFiring.Delivery(channel, false, "failed: " + e.getClass().getSimpleName());
    }
  }
}
