package ai.agentlens.core.remediation;

import java.util.List;

/** Settings or remediation parameters are invalid; every problem is listed (HTTP 400). */
public final class SettingsInvalidException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problems. */
  private final transient List<SettingsError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems, at least one
   */
  public SettingsInvalidException(List<SettingsError> errors) {
    super(errors.isEmpty() ? "invalid" : errors.get(0).path() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  /**
   * Creates the exception for one problem.
   *
   * @param path the field
   * @param message what is wrong
   */
  public SettingsInvalidException(String path, String message) {
    this(List.of(new SettingsError(path, message)));
  }

  /**
   * Returns the problems.
   *
   * @return the problems
   */
  public List<SettingsError> errors() {
    return errors;
  }
}
