package ai.agentlens.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.Mailer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP adapter against a real SMTP server (GreenMail) on loopback. */
class SmtpMailerTest {

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static SmtpSettings settings(int port) {
    return new SmtpSettings(
        "127.0.0.1",
        port,
        null,
        null,
        false,
        false,
        "AgentLens <no-reply@agentlens.test>",
        Duration.ofSeconds(5));
  }

  @Test
  void deliversPlainTextInUtf8() throws Exception {
    int port = SMTP.getSmtp().getPort();
    new SmtpMailer(settings(port))
        .send(new Mailer.Message("ada@example.com", "Verify your e-mail ✓", "Token: abc\nmerci"));

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Verify your e-mail ✓");
    assertThat(received[0].getFrom()[0].toString())
        .isEqualTo("AgentLens <no-reply@agentlens.test>");
    assertThat(GreenMailUtil.getBody(received[0])).contains("Token: abc").contains("merci");
  }

  @Test
  void anUnreachableServerIsAMailExceptionNamingTheServerNotTheBody() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    SmtpMailer mailer = new SmtpMailer(settings(closed));
    assertThatThrownBy(
            () -> mailer.send(new Mailer.Message("ada@example.com", "Reset", "Token: secret")))
        .isInstanceOf(Mailer.MailException.class)
        .hasMessageContaining("127.0.0.1:" + closed)
        .hasMessageNotContaining("secret");
  }

  @Test
  void aSenderThatIsNotAnAddressIsRefusedAtStart() {
    SmtpSettings bad =
        new SmtpSettings("127.0.0.1", 25, null, null, false, false, "<<", Duration.ofSeconds(1));
    assertThatThrownBy(() -> new SmtpMailer(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agentlens.mail.from");
  }
}
