package ai.agentlens.core.port.queue;

/**
 * The queue backend cannot take or give work right now: unreachable, timed out, or closed. Nothing
 * was accepted; retrying later may succeed. The gateway answers 503 with {@code Retry-After}.
 */
public class QueueUnavailableException extends QueueException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what happened, without secrets
   * @param cause the backend's error, or {@code null}
   */
  public QueueUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
