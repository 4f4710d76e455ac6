package ai.agentlens.core.json;

import ai.agentlens.core.error.InvalidInputException;
import com.grack.nanojson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;

/** JSON rules shared by every store: what a stored JSON object text may be, and RFC 8785 output. */
public final class Json {

  private Json() {}

  /**
   * Parses a JSON object text, the form of payloads, metadata and details.
   *
   * @param field field name for the error message
   * @param text the text
   * @param maxBytes largest UTF-8 size accepted
   * @return the parsed object
   * @throws InvalidInputException when it is not one JSON object, too large, holds a NUL character
   *     (PostgreSQL cannot store it, so neither backend accepts it), repeats a member name or holds
   *     a number outside IEEE 754 double range (RFC 8785 cannot hash either)
   */
  public static JsonObject object(String field, String text, int maxBytes) {
    if (text == null) {
      throw new InvalidInputException(field + ": missing");
    }
    // why: a UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no encoding to be measured
    if (text.length() > maxBytes
        || ((long) text.length() * 3 > maxBytes
            && text.getBytes(StandardCharsets.UTF_8).length > maxBytes)) {
      throw new InvalidInputException(field + ": larger than " + maxBytes + " bytes");
    }
    JsonTree.Result parsed;
    try {
      parsed = JsonTree.parseObject(text);
    } catch (JsonTree.SyntaxException e) {
      throw new InvalidInputException(field + ": not a JSON object (" + e.getMessage() + ")", e);
    }
    if (parsed.containsNul()) {
      throw new InvalidInputException(field + ": contains a NUL character");
    }
    return parsed.object();
  }

  /**
   * Parses a JSON object text without the size and NUL checks of {@link #object}.
   *
   * @param field field name for the error message
   * @param text the text
   * @return the parsed object
   * @throws InvalidInputException when it is not one JSON object
   */
  public static JsonObject parseObject(String field, String text) {
    try {
      return JsonTree.parseObject(text).object();
    } catch (JsonTree.SyntaxException e) {
      throw new InvalidInputException(field + " cannot be canonicalized: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a JSON object text keeping every number as its source text, so writing the tree back
   * reproduces the numbers exactly.
   *
   * @param text the text
   * @return the parsed object
   * @throws IllegalArgumentException when it is not one JSON object
   */
  public static JsonObject objectKeepingNumbers(String text) {
    try {
      return JsonTree.parseObjectKeepingNumbers(text);
    } catch (JsonTree.SyntaxException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
  }

  /**
   * Appends the RFC 8785 canonical form of a value returned by {@link #object}.
   *
   * @param out where to append
   * @param value an object, array, string, number, boolean or {@code null} from {@link #object}
   */
  public static void appendCanonical(StringBuilder out, Object value) {
    JsonTree.canonical(out, value);
  }

  /**
   * Appends a string in RFC 8785 canonical form.
   *
   * @param out where to append
   * @param value the string, or {@code null} for JSON {@code null}
   */
  public static void appendCanonicalString(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
    } else {
      JsonTree.string(out, value);
    }
  }

  /**
   * Appends an integer in RFC 8785 canonical form.
   *
   * @param out where to append
   * @param value the integer
   */
  public static void appendCanonicalNumber(StringBuilder out, long value) {
    JsonTree.number(out, value);
  }

  /**
   * Returns the RFC 8785 canonical form of a JSON text (the reference implementation; the write
   * path uses {@link #appendCanonical} on the tree it already parsed).
   *
   * @param text valid JSON
   * @return canonical UTF-8 bytes
   * @throws InvalidInputException when the text is not valid JSON or holds a number outside IEEE
   *     754 double range, which RFC 8785 cannot represent
   */
  public static byte[] canonicalUtf8(String text) {
    try {
      return new JsonCanonicalizer(text).getEncodedUTF8();
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("JSON cannot be canonicalized: " + e.getMessage(), e);
    }
  }

  /**
   * Appends {@code value} as a JSON string literal.
   *
   * @param out where to append
   * @param value the string, or {@code null} for JSON {@code null}
   */
  public static void appendString(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Renders a list of strings as a JSON array text.
   *
   * @param values the strings
   * @return e.g. {@code ["a","b"]}
   */
  public static String stringArray(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendString(out, values.get(i));
    }
    return out.append(']').toString();
  }

  /**
   * Parses a JSON array of strings, as written by {@link #stringArray}.
   *
   * @param text the array text, or {@code null} for an empty list
   * @return the strings; non-string elements are rendered with {@code toString}
   */
  public static List<String> parseStringArray(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      return JsonTree.parseArray(text).stream().map(String::valueOf).toList();
    } catch (JsonTree.SyntaxException e) {
      throw new InvalidInputException("not a JSON array of strings", e);
    }
  }
}
