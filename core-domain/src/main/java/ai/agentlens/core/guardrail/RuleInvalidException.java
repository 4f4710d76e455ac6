package ai.agentlens.core.guardrail;

import java.util.List;

/** A rule body or an evaluation request is invalid; every problem is listed (HTTP 400). */
public final class RuleInvalidException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problems. */
  private final transient List<FieldError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems, at least one
   */
  public RuleInvalidException(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid" : errors.get(0).path() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns the problems.
   *
   * @return the problems
   */
  public List<FieldError> errors() {
    return errors;
  }
}
