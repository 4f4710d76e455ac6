package ai.agentlens.core.port.queue;

/**
 * Completes the publish stage of a backend whose durability point is the acknowledgement (the
 * in-process queue) when the envelope was dead-lettered instead of acknowledged: its events were
 * not stored.
 */
public class EnvelopeDeadLetteredException extends QueueException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final boolean rejected;

  /**
   * Creates the error for an envelope whose retries were used up.
   *
   * @param envelopeId the envelope
   * @param reason why it was dead-lettered
   */
  public EnvelopeDeadLetteredException(String envelopeId, String reason) {
    this(envelopeId, reason, false);
  }

  /**
   * Creates the error.
   *
   * @param envelopeId the envelope
   * @param reason why it was dead-lettered
   * @param rejected {@code true} when a consumer {@linkplain EventQueue#reject rejected} it as
   *     input that can never be stored (retrying will not help), {@code false} when its retries
   *     were used up
   */
  public EnvelopeDeadLetteredException(String envelopeId, String reason, boolean rejected) {
    super("envelope " + envelopeId + " was dead-lettered: " + reason, null);
    this.reason = reason;
    this.rejected = rejected;
  }

  /**
   * Returns why the envelope was dead-lettered.
   *
   * @return the one-line reason given by the consumer or the queue
   */
  public String reason() {
    return reason;
  }

  /**
   * Tells whether a consumer rejected the envelope as unstorable input.
   *
   * @return {@code true} for a rejection, {@code false} for retries used up
   */
  public boolean rejected() {
    return rejected;
  }
}
