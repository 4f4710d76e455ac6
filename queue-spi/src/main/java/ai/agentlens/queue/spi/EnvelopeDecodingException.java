package ai.agentlens.queue.spi;

/**
 * Stored bytes are not a valid encoded envelope (unknown version, bad checksum, truncated, invalid
 * content). Such an envelope is poison: backends dead-letter it and never deliver it.
 */
public class EnvelopeDecodingException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what is wrong, one line
   * @param cause the underlying error, or {@code null}
   */
  public EnvelopeDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
