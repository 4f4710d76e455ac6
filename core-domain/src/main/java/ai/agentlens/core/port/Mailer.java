package ai.agentlens.core.port;

/**
 * Sends e-mail (verification, password reset, invitations). Implementations: SMTP, or an outbox
 * that writes each message to the data directory and the log.
 *
 * <p>Contract: {@link #send} returns once the message is handed over (accepted by the SMTP server,
 * or written to the outbox); it throws {@link MailException} when it could not be. Thread-safe.
 */
public interface Mailer {

  /**
   * Sends one plain-text message.
   *
   * @param message recipient, subject and body
   * @throws MailException when the message could not be handed over
   */
  void send(Message message);

  /**
   * One plain-text e-mail.
   *
   * @param to recipient address
   * @param subject subject line
   * @param body plain-text body
   */
  record Message(String to, String subject, String body) {}

  /** A message could not be handed over. */
  final class MailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed (never the body, which may hold a token)
     * @param cause the cause
     */
    public MailException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
