package ai.agentlens.core.error;

/**
 * The database itself refused the operation: a write into another tenant's rows, an UPDATE or
 * DELETE of the append-only audit log, a missing privilege. Seeing it means a bug or an attack, not
 * bad user input.
 */
public final class AccessDeniedException extends StorageException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused
   * @param cause the underlying cause, or {@code null}
   */
  public AccessDeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}
