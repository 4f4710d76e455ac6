package ai.agentlens.core.json;

/** What may sit in a JSON tree. */
final class JsonValues {

  private JsonValues() {}

  /**
   * Checks that a value may sit in a tree.
   *
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException when it is not a string, boolean, {@link JsonNumber}, {@link
   *     JsonObject}, {@link JsonArray} or {@code null}
   */
  static Object require(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof JsonNumber
        || value instanceof JsonObject
        || value instanceof JsonArray) {
      return value;
    }
    throw new IllegalArgumentException(
        "not a JSON value: " + value.getClass().getName() + " (use JsonNumber for numbers)");
  }
}
