package ai.agentlens.core.ingest.validation;

import java.util.List;

/**
 * An ingest request body that cannot be accepted, with every problem found (the request is refused
 * whole). The HTTP layer answers 400 with the message as {@code error} and the problems as {@code
 * details}.
 */
public final class IngestValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Message for an empty body. */
  public static final String EMPTY_BODY = "Request body is empty";

  /** Message for a body that is not JSON. */
  public static final String INVALID_JSON = "Invalid JSON body";

  /** Message for JSON that breaks the rules. */
  public static final String VALIDATION_FAILED = "Validation failed";

  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param message the summary: {@link #EMPTY_BODY}, {@link #INVALID_JSON} or {@link
   *     #VALIDATION_FAILED}
   * @param problems the details, in request order; may be empty
   */
  public IngestValidationException(String message, List<Problem> problems) {
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
