package ai.agentlens.web.mail;

import ai.agentlens.core.port.Mailer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Mailer} over SMTP (Micronaut Email with JavaMail), active when a host is configured. */
@Singleton
@Requires(property = "agentlens.mail.smtp.host")
public class SmtpMailer implements Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

  private final JavaxEmailSender sender;
  private final String from;

  SmtpMailer(
      JavaxEmailSender sender,
      @Value("${agentlens.mail.from:AgentLens <no-reply@agentlens.local>}") String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(Message message) {
    try {
      sender.send(
          Email.builder()
              .from(from)
              .to(message.to())
              .subject(message.subject())
              .body(message.body())
              .build());
      LOG.info("mail sent over SMTP: subject '{}'", message.subject());
    } catch (EmailException | IllegalArgumentException e) {
      throw new MailException("SMTP delivery failed: " + e.getMessage(), e);
    }
  }
}
