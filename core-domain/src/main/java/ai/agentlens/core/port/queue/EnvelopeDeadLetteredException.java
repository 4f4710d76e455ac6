package ai.agentlens.core.port.queue;

/**
 * Completes the publish stage of a backend whose durability point is the acknowledgement (the
 * in-process queue) when the envelope was dead-lettered instead of acknowledged: its events were
 * not stored.
 */
public class EnvelopeDeadLetteredException extends QueueException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param envelopeId the envelope
   * @param reason why it was dead-lettered
   */
  public EnvelopeDeadLetteredException(String envelopeId, String reason) {
    super("envelope " + envelopeId + " was dead-lettered: " + reason, null);
  }
}
