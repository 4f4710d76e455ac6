package ai.agentlens.core.json;

import ai.agentlens.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** JSON rules shared by every store: what a stored JSON object text may be, and string arrays. */
public final class Json {

  private Json() {}

  /**
   * Checks a JSON object text, the form of payloads, metadata and details.
   *
   * @param field field name for the error message
   * @param text the text
   * @param maxBytes largest UTF-8 size accepted
   * @return the parsed object
   * @throws InvalidInputException as {@link #check}, or when the text is {@code null}
   */
  public static JsonObject object(String field, String text, int maxBytes) {
    if (text == null) {
      throw new InvalidInputException(field + ": missing");
    }
    return check(field, JsonDoc.of(text), maxBytes);
  }

  /**
   * Checks a JSON object document, parsing it only when it has not been parsed yet.
   *
   * @param field field name for the error message
   * @param doc the document
   * @param maxBytes largest UTF-8 size accepted
   * @return its tree
   * @throws InvalidInputException when it is not one JSON object as {@link JsonReader} accepts it
   *     (which refuses repeated member names and numbers outside IEEE 754 double range: RFC 8785
   *     cannot hash either), is too large, holds a NUL character (PostgreSQL cannot store it, so
   *     neither backend accepts it) or a lone surrogate (no UTF-8 form; see {@link Utf16})
   */
  public static JsonObject check(String field, JsonDoc doc, int maxBytes) {
    String text = doc.text();
    // why: a UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no counting to be measured
    if (text.length() > maxBytes
        || ((long) text.length() * 3 > maxBytes && doc.utf8Length() > maxBytes)) {
      throw new InvalidInputException(field + ": larger than " + maxBytes + " bytes");
    }
    JsonObject tree;
    try {
      tree = doc.tree();
    } catch (JsonSyntaxException e) {
      throw new InvalidInputException(field + ": not a JSON object (" + e.getMessage() + ")", e);
    }
    if (doc.containsNul()) {
      throw new InvalidInputException(field + ": contains a NUL character");
    }
    if (doc.containsLoneSurrogate()) {
      throw new InvalidInputException(field + ": contains a lone surrogate (not valid Unicode)");
    }
    return tree;
  }

  /**
   * Appends {@code value} as a JSON string literal, the escaping stored string arrays have always
   * used ({@code "}, {@code \}, short forms, else lowercase {@code \}{@code u00xx}).
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
    // why: stores compare these texts (tag filters), so the escaping must never change
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
   * @param text the array text, or {@code null} or blank for an empty list
   * @return the strings; other elements are rendered as their JSON text ({@code null} as {@code
   *     "null"})
   * @throws InvalidInputException when the text is not a JSON array
   */
  public static List<String> parseStringArray(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Object parsed;
    try {
      parsed = JsonReader.read(text);
    } catch (JsonSyntaxException e) {
      throw new InvalidInputException("not a JSON array of strings", e);
    }
    if (!(parsed instanceof JsonArray array)) {
      throw new InvalidInputException("not a JSON array of strings");
    }
    List<String> out = new ArrayList<>(array.size());
    for (Object o : array) {
      out.add(o instanceof String s ? s : JsonWriter.write(o));
    }
    return List.copyOf(out);
  }
}
