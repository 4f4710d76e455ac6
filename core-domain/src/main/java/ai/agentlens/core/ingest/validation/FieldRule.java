package ai.agentlens.core.ingest.validation;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
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
  void check(JsonObject payload, String path, List<Problem> problems) {
    Object value = payload.get(name);
    String at = path + "." + name;
    boolean absent =
        value == null
            && (!payload.containsKey(name) || (kind != Kind.TEXT_OR_NULL && kind != Kind.ANY));
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

  private String mismatch(Object v) {
    return switch (kind) {
      case TEXT -> v instanceof String ? null : "must be a string";
      case NON_EMPTY_TEXT ->
          v instanceof String s && !s.isEmpty() ? null : "must be a non-empty string";
      case NUMBER -> v instanceof JsonNumber ? null : "must be a number";
      case NON_NEGATIVE_NUMBER ->
          v instanceof JsonNumber n && n.doubleValue() >= 0 ? null : "must be a number >= 0";
      case NON_NEGATIVE_INT ->
          v instanceof JsonNumber n && n.isIntegral() && n.signum() >= 0
              ? null
              : "must be an integer >= 0";
      case POSITIVE_INT ->
          v instanceof JsonNumber n && n.isIntegral() && n.signum() > 0
              ? null
              : "must be an integer > 0";
      case UNIT_INTERVAL ->
          v instanceof JsonNumber n && n.doubleValue() >= 0 && n.doubleValue() <= 1
              ? null
              : "must be a number in [0, 1]";
      case BOOLEAN -> v instanceof Boolean ? null : "must be a boolean";
      case OBJECT -> v instanceof JsonObject ? null : "must be an object";
      case ARRAY -> v instanceof JsonArray ? null : "must be an array";
      case NON_EMPTY_ARRAY ->
          v instanceof JsonArray a && !a.isEmpty() ? null : "must be a non-empty array";
      case TEXT_ARRAY -> textArray(v) ? null : "must be an array of strings";
      case TEXT_OR_NULL -> v == null || v instanceof String ? null : "must be a string or null";
      case ANY -> null;
      case ENUM ->
          v instanceof String s && allowed.contains(s) ? null : "must be one of " + sorted();
    };
  }

  private static boolean textArray(Object v) {
    if (!(v instanceof JsonArray a)) {
      return false;
    }
    for (Object item : a) {
      if (!(item instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private List<String> sorted() {
    return allowed.stream().sorted().toList();
  }
}
