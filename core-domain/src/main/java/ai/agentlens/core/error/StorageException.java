package ai.agentlens.core.error;

/**
 * The one family of errors a storage port throws. Callers never see a {@code SQLException} or a
 * driver exception: every backend translates them into one of these subtypes, so use cases (and the
 * HTTP layer) can map them to status codes without knowing which database is underneath.
 */
public abstract sealed class StorageException extends RuntimeException
    permits InvalidInputException,
        ConflictException,
        NotFoundException,
        AccessDeniedException,
        StorageUnavailableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without secrets or payload contents
   * @param cause the underlying cause, or {@code null}
   */
  protected StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
