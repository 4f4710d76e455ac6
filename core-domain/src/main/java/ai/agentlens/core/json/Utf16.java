package ai.agentlens.core.json;

import java.util.Map;

/**
 * Well-formedness of Java strings as Unicode. A lone surrogate (a JSON {@code "\ud800"} escape
 * decodes to one) has no UTF-8 form: encoders write {@code ?} instead, so a stored text would no
 * longer match what was hashed, and PostgreSQL refuses the escape in {@code jsonb}. Every backend
 * therefore refuses such strings before anything is written.
 */
public final class Utf16 {

  private Utf16() {}

  /**
   * Tells whether every surrogate of the text is part of a pair.
   *
   * @param s the text
   * @return {@code false} when it holds a lone high or low surrogate
   */
  public static boolean isWellFormed(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether every string and member name of a JSON tree is well-formed.
   *
   * @param value a tree value ({@link JsonObject}, {@link JsonArray}, {@link String}, …)
   * @return {@code false} when any string or member name holds a lone surrogate
   */
  public static boolean isWellFormedTree(Object value) {
    if (value instanceof String s) {
      return isWellFormed(s);
    }
    if (value instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o.entrySet()) {
        if (!isWellFormed(e.getKey()) || !isWellFormedTree(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof JsonArray a) {
      for (Object item : a) {
        if (!isWellFormedTree(item)) {
          return false;
        }
      }
    }
    return true;
  }
}
