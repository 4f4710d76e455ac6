package ai.agentlens.core.port.memory;

/** An {@link EmbeddingModel} could not answer; the message says why and holds no secret. */
public class EmbeddingUnavailableException extends RuntimeException {

  /**
   * @param message why, without keys or texts
   * @param cause the underlying failure, or {@code null}
   */
  public EmbeddingUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
