package ai.agentlens.web.ingest;

import ai.agentlens.web.error.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * One payload field's rule (reference §1.4), as data. JSON {@code null} counts as absent for an
 * optional field, because the real Java SDK sends unset optionals as {@code null}.
 *
 * @param name the field
 * @param kind what it must hold
 * @param required whether it must be present (and not null)
 * @param allowed for {@link Kind#ENUM}: the allowed values
 */
record FieldRule(String name, Kind kind, boolean required, Set<String> allowed) {

  /** What a field must hold. */
  enum Kind {
    TEXT,
    NON_EMPTY_TEXT,
    NUMBER,
    NON_NEGATIVE_NUMBER,
    NON_NEGATIVE_INT,
    POSITIVE_INT,
    UNIT_INTERVAL,
    BOOLEAN,
    OBJECT,
    ARRAY,
    NON_EMPTY_ARRAY,
    TEXT_ARRAY,
    TEXT_OR_NULL,
    ANY,
    ENUM
  }

  static FieldRule req(String name, Kind kind) {
    return new FieldRule(name, kind, true, Set.of());
  }

  static FieldRule opt(String name, Kind kind) {
    return new FieldRule(name, kind, false, Set.of());
  }

  static FieldRule oneOf(String name, boolean required, String... values) {
    return new FieldRule(name, Kind.ENUM, required, Set.of(values));
  }

  /**
   * Checks the field of {@code payload}.
   *
   * @param payload the payload object
   * @param path the payload's path, for messages
   * @param problems where to add what is wrong
   */
  void check(JsonNode payload, String path, List<Problem> problems) {
    JsonNode value = payload.get(name);
    String at = path + "." + name;
    boolean absent =
        value == null || (value.isNull() && kind != Kind.TEXT_OR_NULL && kind != Kind.ANY);
    if (absent) {
      if (required) {
        problems.add(new Problem(at, "is required"));
      }
      return;
    }
    String wrong = mismatch(value);
    if (wrong != null) {
      problems.add(new Problem(at, wrong));
    }
  }

  private String mismatch(JsonNode v) {
    return switch (kind) {
      case TEXT -> v.isTextual() ? null : "must be a string";
      case NON_EMPTY_TEXT ->
          v.isTextual() && !v.asText().isEmpty() ? null : "must be a non-empty string";
      case NUMBER -> v.isNumber() ? null : "must be a number";
      case NON_NEGATIVE_NUMBER ->
          v.isNumber() && v.doubleValue() >= 0 ? null : "must be a number >= 0";
      case NON_NEGATIVE_INT ->
          v.isIntegralNumber() && v.longValue() >= 0 ? null : "must be an integer >= 0";
      case POSITIVE_INT ->
          v.isIntegralNumber() && v.longValue() > 0 ? null : "must be an integer > 0";
      case UNIT_INTERVAL ->
          v.isNumber() && v.doubleValue() >= 0 && v.doubleValue() <= 1
              ? null
              : "must be a number in [0, 1]";
      case BOOLEAN -> v.isBoolean() ? null : "must be a boolean";
      case OBJECT -> v.isObject() ? null : "must be an object";
      case ARRAY -> v.isArray() ? null : "must be an array";
      case NON_EMPTY_ARRAY -> v.isArray() && !v.isEmpty() ? null : "must be a non-empty array";
      case TEXT_ARRAY -> textArray(v) ? null : "must be an array of strings";
      case TEXT_OR_NULL -> v.isTextual() || v.isNull() ? null : "must be a string or null";
      case ANY -> null;
      case ENUM ->
          v.isTextual() && allowed.contains(v.asText()) ? null : "must be one of " + sorted();
    };
  }

  private static boolean textArray(JsonNode v) {
    if (!v.isArray()) {
      return false;
    }
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private List<String> sorted() {
    return allowed.stream().sorted().toList();
  }
}
