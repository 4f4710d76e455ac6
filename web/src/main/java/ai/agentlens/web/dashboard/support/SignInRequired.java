package ai.agentlens.web.dashboard.support;

/** A page needs a signed-in user: the visitor is sent to the sign-in page (FR-45). */
public final class SignInRequired extends RuntimeException {

  private final String next;

  /**
   * Creates the signal.
   *
   * @param next the path to come back to after signing in
   */
  public SignInRequired(String next) {
    super("Sign-in required", null, false, false);
    this.next = next;
  }

  /**
   * Returns the path to come back to.
   *
   * @return a local path
   */
  public String next() {
    return next;
  }
}
