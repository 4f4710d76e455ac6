package ai.agentlens.core.error;

/**
 * The store could not be reached or failed for a reason unrelated to the input: connection lost,
 * pool exhausted, disk full, database busy beyond its timeout, store closed. Retrying later may
 * succeed (HTTP 503).
 */
public final class StorageUnavailableException extends StorageException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying cause, or {@code null}
   */
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
