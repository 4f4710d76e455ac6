package ai.agentlens.core.port.billing;

/**
 * The billing provider could not do what was asked: unreachable, refused the credentials, or
 * answered with an error. The message names the operation, never a secret.
 */
public class BillingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the cause, or {@code null}
   */
  public BillingException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A webhook whose signature, timestamp or payload does not verify; answered with 400. */
  public static final class InvalidSignature extends BillingException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why it was refused
     */
    public InvalidSignature(String message) {
      super(message, null);
    }
  }
}
