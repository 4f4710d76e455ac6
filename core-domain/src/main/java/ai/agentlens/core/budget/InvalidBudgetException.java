package ai.agentlens.core.budget;

import java.util.List;

/** A budget body that breaks the rules; carries one problem per field. */
public final class InvalidBudgetException extends RuntimeException {

  /**
   * One thing wrong.
   *
   * @param path the field, e.g. {@code limitUsd}
   * @param message what, for a human
   */
  public record Problem(String path, String message) {}

  private final List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems what is wrong, at least one
   */
  public InvalidBudgetException(List<Problem> problems) {
    super("Invalid cost budget", null, false, false);
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
