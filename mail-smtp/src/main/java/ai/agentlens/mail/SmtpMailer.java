package ai.agentlens.mail;

import ai.agentlens.core.port.Mailer;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Mailer} over SMTP with Jakarta Mail. Every network step is bounded by the configured
 * timeout; a failure becomes {@link MailException} naming the server, never the body (it may hold a
 * token).
 */
public final class SmtpMailer implements Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

  private final Session session;
  private final InternetAddress from;
  private final String where;

  /**
   * Creates the mailer; nothing connects until the first message.
   *
   * @param settings the server
   * @throws IllegalArgumentException when the sender is not an address
   */
  public SmtpMailer(SmtpSettings settings) {
    Properties p = new Properties();
    String timeout = Long.toString(settings.timeout().toMillis());
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    p.put("mail.smtp.ssl.enable", Boolean.toString(settings.ssl()));
    p.put("mail.smtp.connectiontimeout", timeout);
    p.put("mail.smtp.timeout", timeout);
    p.put("mail.smtp.writetimeout", timeout);
    p.put("mail.smtp.auth", Boolean.toString(settings.authenticated()));
    this.session =
        settings.authenticated()
            ? Session.getInstance(
                p,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), settings.password());
                  }
                })
            : Session.getInstance(p);
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException(
          "agentlens.mail.from is not an e-mail address: " + settings.from(), e);
    }
    this.where = settings.host() + ":" + settings.port();
  }

  @Override
  public void send(Message message) {
    try {
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(from);
      mime.setRecipients(
          jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(message.to()));
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setText(message.body(), StandardCharsets.UTF_8.name());
      mime.setSentDate(new Date());
      Transport.send(mime);
      LOG.info("mail sent over SMTP: subject '{}'", message.subject());
    } catch (MessagingException | RuntimeException e) {
      throw new MailException("SMTP delivery through " + where + " failed: " + e.getMessage(), e);
    }
  }
}
