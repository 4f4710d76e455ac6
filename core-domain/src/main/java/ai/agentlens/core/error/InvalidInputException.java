package ai.agentlens.core.error;

/**
 * The input cannot be stored as given: a field is too long, empty or malformed, a JSON payload is
 * not a JSON object, a value is out of range. Retrying the same input fails the same way (HTTP
 * 400).
 */
public final class InvalidInputException extends StorageException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which field and why, e.g. {@code "sessionId: longer than 256 characters"}
   */
  public InvalidInputException(String message) {
    super(message, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message which field and why
   * @param cause the underlying cause
   */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
