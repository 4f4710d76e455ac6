package ai.agentlens.core.port.queue;

/** Base of the typed errors of {@link EventQueue}. */
public abstract class QueueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what happened, without secrets
   * @param cause the backend's error, or {@code null}
   */
  protected QueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
