package ai.agentlens.web.auth;

/** A request without a valid credential; answered 401 with the reference's body. */
public final class UnauthorizedException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param message {@code Authentication required} or {@code Invalid or revoked API key}
   */
  public UnauthorizedException(String message) {
    super(message, null, false, false);
  }
}
