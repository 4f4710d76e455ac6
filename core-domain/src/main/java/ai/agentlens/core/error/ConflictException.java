package ai.agentlens.core.error;

/**
 * The write collides with existing state: a unique value (slug, e-mail, key prefix, membership) is
 * taken, or a concurrent transaction won a race the database could not serialize. {@link
 * #retryable()} tells which: a retry may succeed only for the second kind (HTTP 409).
 */
public final class ConflictException extends StorageException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message what collided
   * @param retryable {@code true} when the same call may succeed if retried (deadlock,
   *     serialization failure)
   * @param cause the underlying cause, or {@code null}
   */
  public ConflictException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Tells whether retrying the same call may succeed.
   *
   * @return {@code true} for transient conflicts
   */
  public boolean retryable() {
    return retryable;
  }
}
