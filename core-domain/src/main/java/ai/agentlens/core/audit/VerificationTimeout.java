package ai.agentlens.core.audit;

import java.time.Duration;

/** An audit verification ran past its time budget (HTTP 504); nothing partial is reported. */
public final class VerificationTimeout extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param budget the budget that was exceeded
   */
  public VerificationTimeout(Duration budget) {
    super(
        "Audit verification exceeded its time budget of "
            + budget.toMillis()
            + " ms; verify a shorter range or a single session",
        null,
        false,
        false);
  }
}
