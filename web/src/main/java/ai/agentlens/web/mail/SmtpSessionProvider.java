package ai.agentlens.web.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The JavaMail session of the SMTP mailer, built from {@code agentlens.mail.smtp.*} (env {@code
 * AGENTLENS_MAIL_SMTP_HOST}, {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD}, {@code
 * _STARTTLS}, {@code _SSL}).
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
@Requires(property = "agentlens.mail.smtp.host")
class SmtpSessionProvider implements SessionProvider {

  private final Session session;

  SmtpSessionProvider(
      @Value("${agentlens.mail.smtp.host}") String host,
      @Value("${agentlens.mail.smtp.port:587}") int port,
      @Nullable @Value("${agentlens.mail.smtp.username:}") String username,
      @Nullable @Value("${agentlens.mail.smtp.password:}") String password,
      @Value("${agentlens.mail.smtp.starttls:true}") boolean starttls,
      @Value("${agentlens.mail.smtp.ssl:false}") boolean ssl) {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
    p.put("mail.smtp.ssl.enable", Boolean.toString(ssl));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    boolean auth = username != null && !username.isBlank();
    p.put("mail.smtp.auth", Boolean.toString(auth));
    this.session =
        auth
            ? Session.getInstance(
                p,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                  }
                })
            : Session.getInstance(p);
  }

  @Override
  public Session session() {
    return session;
  }
}
