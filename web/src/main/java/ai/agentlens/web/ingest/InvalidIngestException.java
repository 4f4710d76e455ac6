package ai.agentlens.web.ingest;

import ai.agentlens.web.error.Problem;
import java.util.List;

/** The request body is not an acceptable ingest request; answered with 400 and the problems. */
public final class InvalidIngestException extends RuntimeException {

  private final List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param message the summary, e.g. {@code Validation failed}
   * @param problems the details; may be empty
   */
  public InvalidIngestException(String message, List<Problem> problems) {
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
