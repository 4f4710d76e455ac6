package ai.agentlens.web.error;

import java.util.List;

/** A request with bad input (body or query); answered with 400 and the problems. */
public final class BadRequestException extends RuntimeException {

  private final List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param message the summary, e.g. {@code Validation failed}
   * @param problems the details; may be empty
   */
  public BadRequestException(String message, List<Problem> problems) {
    super(message, null, false, false);
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems found.
   *
   * @return the details, in request order
   */
  public List<Problem> problems() {
    return problems;
  }
}
