package ai.agentlens.core.port.llm;

/**
 * A {@link LanguageModel} could not answer: unreachable, timed out, refused, an error status or a
 * malformed answer. The message is safe to store and show: it names the fault, never a key or the
 * messages sent.
 */
public class LanguageModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause the cause, or {@code null}
   */
  public LanguageModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
