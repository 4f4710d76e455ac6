package ai.agentlens.app.selfhosted;

import ai.agentlens.core.port.Mailer;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.hasher.bcrypt.BcryptSecretHasher;
import ai.agentlens.mail.OutboxMailer;
import ai.agentlens.mail.SmtpMailer;
import ai.agentlens.mail.SmtpSettings;
import ai.agentlens.webhook.HttpWebhookSender;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Mail and password hashing of the self-hosted server: SMTP when {@code agentlens.mail.smtp.host}
 * is set, otherwise an outbox folder ({@code agentlens.mail.outbox-dir}, default the data
 * directory's {@code outbox}); bcrypt at {@code agentlens.bcrypt-cost}.
 */
@Factory
@Requires(env = ServeCommand.ENVIRONMENT)
class SelfhostedServices {

  @Singleton
  @Requires(property = "agentlens.mail.smtp.host")
  Mailer smtpMailer(
      @Value("${agentlens.mail.smtp.host}") String host,
      @Value("${agentlens.mail.smtp.port:587}") int port,
      @Nullable @Value("${agentlens.mail.smtp.username:}") String username,
      @Nullable @Value("${agentlens.mail.smtp.password:}") String password,
      @Value("${agentlens.mail.smtp.starttls:true}") boolean startTls,
      @Value("${agentlens.mail.smtp.ssl:false}") boolean ssl,
      @Value("${agentlens.mail.from:" + SmtpSettings.DEFAULT_FROM + "}") String from) {
    return new SmtpMailer(
        new SmtpSettings(
            host, port, username, password, startTls, ssl, from, Duration.ofSeconds(10)));
  }

  @Singleton
  @Requires(missingProperty = "agentlens.mail.smtp.host")
  Mailer outboxMailer(
      @Value("${agentlens.data-dir}") String dataDir,
      @Nullable @Value("${agentlens.mail.outbox-dir:}") String outboxDir) {
    return new OutboxMailer(
        outboxDir == null || outboxDir.isBlank()
            ? Path.of(dataDir).resolve("outbox")
            : Path.of(outboxDir));
  }

  @Singleton
  @Requires(missingBeans = SecretHasher.class)
  SecretHasher secretHasher(@Value("${agentlens.bcrypt-cost:10}") int cost) {
    return new BcryptSecretHasher(cost);
  }

  /** Guardrail webhooks; loopback/private targets only when the operator allows them. */
  @Singleton
  ai.agentlens.core.port.WebhookSender webhookSender(
      @Value("${agentlens.webhooks.allow-private:false}") boolean allowPrivate) {
    return new HttpWebhookSender(allowPrivate);
  }
}
