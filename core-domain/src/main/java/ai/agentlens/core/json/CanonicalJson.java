package ai.agentlens.core.json;

import java.io.IOException;
import java.util.Arrays;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JSON Canonicalization Scheme) output of trees: members sorted by UTF-16 code units, no
 * whitespace, strings with only {@code "}, {@code \} and control characters escaped (short forms,
 * else {@code \}{@code u00xx} in lowercase hex), numbers as the shortest text of their IEEE 754
 * double (ECMAScript rules, by the reference implementation's {@link NumberToJSON}). Thread-safe
 * (stateless).
 */
public final class CanonicalJson {

  /** Largest magnitude below which an integer's digits are its double's shortest form. */
  private static final long SAFE = 1L << 53;

  // why: integers of at most 15 digits are below 2^53, so their text is their canonical form
  private static final int SHORT_INTEGER_DIGITS = 15;

  private CanonicalJson() {}

  /**
   * Appends the canonical form of a value.
   *
   * @param out where to append
   * @param value a JSON value of a tree (see {@link JsonObject})
   * @throws IllegalArgumentException when the tree holds something that is not a JSON value
   */
  public static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof JsonObject o) {
      Integer[] order = new Integer[o.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // why: String.compareTo orders by UTF-16 code units, exactly RFC 8785 §3.2.3
      Arrays.sort(order, (a, b) -> o.name(a).compareTo(o.name(b)));
      out.append('{');
      for (int i = 0; i < order.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        appendString(out, o.name(order[i]));
        out.append(':');
        append(out, o.value(order[i]));
      }
      out.append('}');
    } else if (value instanceof JsonArray a) {
      out.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, a.get(i));
      }
      out.append(']');
    } else if (value instanceof JsonNumber n) {
      appendNumber(out, n);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else {
      JsonValues.require(value);
    }
  }

  /**
   * Appends an integer in canonical form (that of the nearest double).
   *
   * @param out where to append
   * @param value the integer
   */
  public static void appendNumber(StringBuilder out, long value) {
    if (value > -SAFE && value < SAFE) {
      out.append(value);
    } else {
      appendDouble(out, value);
    }
  }

  private static void appendNumber(StringBuilder out, JsonNumber n) {
    String text = n.text();
    int digits = text.charAt(0) == '-' ? text.length() - 1 : text.length();
    if (n.isIntegral() && digits <= SHORT_INTEGER_DIGITS && !"-0".equals(text)) {
      out.append(text);
    } else {
      appendDouble(out, n.doubleValue());
    }
  }

  private static void appendDouble(StringBuilder out, double d) {
    try {
      out.append(NumberToJSON.serializeNumber(d));
    } catch (IOException e) {
      // why: JsonNumber is finite by construction, so only a caller's long can reach here
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Appends a string in canonical form.
   *
   * @param out where to append
   * @param s the string, or {@code null} for JSON {@code null}
   */
  public static void appendString(StringBuilder out, String s) {
    if (s == null) {
      out.append("null");
      return;
    }
    out.append('"');
    int len = s.length();
    int from = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, from, i);
      from = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          out.append("\\u00");
          out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
        }
      }
    }
    out.append(s, from, len).append('"');
  }
}
