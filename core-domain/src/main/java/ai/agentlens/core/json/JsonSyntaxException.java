package ai.agentlens.core.json;

/**
 * A text is not JSON as this code base accepts it: a syntax error, a repeated member name, a number
 * outside IEEE 754 double range, nesting deeper than {@link JsonReader#MAX_DEPTH}, or not the kind
 * of value expected. Callers add which field it was.
 */
public final class JsonSyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where, e.g. {@code duplicate member name "a" (line 1, column
   *     12)}
   */
  public JsonSyntaxException(String message) {
    super(message);
  }
}
