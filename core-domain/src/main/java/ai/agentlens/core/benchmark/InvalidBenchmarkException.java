package ai.agentlens.core.benchmark;

import java.util.List;

/** A benchmark body or change that breaks the rules; carries one problem per field. */
public final class InvalidBenchmarkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * One thing wrong.
   *
   * @param path the field, e.g. {@code variants.1.tag}
   * @param message what, for a human
   */
  public record Problem(String path, String message) {}

  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems what is wrong, at least one
   */
  public InvalidBenchmarkException(List<Problem> problems) {
    super("Invalid benchmark", null, false, false);
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems.
   *
   * @return in field order
   */
  public List<Problem> problems() {
    return problems;
  }
}
