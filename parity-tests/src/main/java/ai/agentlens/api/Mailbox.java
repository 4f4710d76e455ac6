package ai.agentlens.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) the launchers send to, and token extraction from its mails. */
public final class Mailbox implements AutoCloseable {

  private final GreenMail greenMail;
  private final int port;

  /** Starts an SMTP server on a free port. */
  public Mailbox() {
    port = ai.agentlens.testing.FreePort.find();
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  /**
   * Returns the port.
   *
   * @return the SMTP port
   */
  public int port() {
    return port;
  }

  /**
   * Waits for the newest mail to an address whose subject contains a text.
   *
   * @param to the recipient
   * @param subjectPart part of the subject
   * @return the plain-text body
   */
  public String await(String to, String subjectPart) {
    return await(to, subjectPart, 0);
  }

  /**
   * Waits for a mail received after the first {@code after} mails.
   *
   * @param to the recipient
   * @param subjectPart part of the subject
   * @param after how many mails to this recipient had arrived before (see {@link #count(String)})
   * @return the plain-text body
   */
  public String await(String to, String subjectPart, int after) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      MimeMessage[] all = greenMail.getReceivedMessagesForDomain(to);
      for (int i = all.length - 1; i >= after; i--) {
        try {
          MimeMessage m = all[i];
          String rcpt = m.getRecipients(Message.RecipientType.TO)[0].toString();
          if (rcpt.equalsIgnoreCase(to) && m.getSubject().contains(subjectPart)) {
            return GreenMailUtil.getBody(m);
          }
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no mail to " + to + " with subject containing '" + subjectPart + "'");
  }

  /**
   * Counts mails received so far.
   *
   * @return the count
   */
  public int count() {
    return greenMail.getReceivedMessages().length;
  }

  /**
   * Counts mails received so far by one recipient.
   *
   * @param to the recipient
   * @return the count
   */
  public int count(String to) {
    return greenMail.getReceivedMessagesForDomain(to).length;
  }

  /**
   * Extracts a labelled token from a mail body, e.g. {@code Reset token: abc}.
   *
   * @param body the body
   * @param label the label before the colon
   * @return the token
   */
  public static String token(String body, String label) {
    Matcher m = Pattern.compile(Pattern.quote(label) + ": (\\S+)").matcher(body);
    if (!m.find()) {
      throw new AssertionError("no '" + label + "' in mail: " + body);
    }
    return m.group(1);
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
