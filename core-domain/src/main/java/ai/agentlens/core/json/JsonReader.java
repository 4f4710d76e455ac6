package ai.agentlens.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;

/**
 * Reads JSON texts into trees ({@link JsonObject}, {@link JsonArray}, {@link JsonNumber}, {@link
 * String}, {@link Boolean}, {@code null}) with jackson-core's streaming parser, strictly: RFC 8259
 * syntax only (no comments, no single quotes, no NaN or Infinity, no leading zeros, nothing after
 * the value), no member name twice in one object, no number outside IEEE 754 double range (RFC 8785
 * could not hash it), at most {@link #MAX_DEPTH} nested arrays and objects and numbers of at most
 * {@link #MAX_NUMBER_LENGTH} characters. Numbers keep their text. NUL characters are read as they
 * are; {@link JsonDoc#containsNul} finds them. Thread-safe (stateless).
 */
public final class JsonReader {

  /** Deepest nesting of arrays and objects accepted (Jackson's default). */
  public static final int MAX_DEPTH = 1000;

  /** Longest number text accepted, in characters (Jackson's default). */
  public static final int MAX_NUMBER_LENGTH = 1000;

  // why: a number of more digits than this, without an exponent, cannot be a finite double
  private static final int SAFE_PLAIN_DIGITS = 300;

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .build())
          .build();

  private JsonReader() {}

  /**
   * Reads one JSON value from UTF-8 (or, with a byte order mark, UTF-16/32) bytes.
   *
   * @param bytes the text
   * @return the value
   * @throws JsonSyntaxException when the bytes are not exactly one JSON value (see the class
   *     comment), including when they hold only whitespace
   */
  public static Object read(byte[] bytes) {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      return root(p);
    } catch (JsonProcessingException e) {
      throw new JsonSyntaxException(e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory failed", e);
    }
  }

  /**
   * Reads one JSON value from a text.
   *
   * @param text the text
   * @return the value
   * @throws JsonSyntaxException when the text is not exactly one JSON value
   */
  public static Object read(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      return root(p);
    } catch (JsonProcessingException e) {
      throw new JsonSyntaxException(e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory failed", e);
    }
  }

  /**
   * Reads one JSON object from a text.
   *
   * @param text the text
   * @return the object
   * @throws JsonSyntaxException when the text is not exactly one JSON object
   */
  public static JsonObject readObject(String text) {
    if (read(text) instanceof JsonObject o) {
      return o;
    }
    throw new JsonSyntaxException("expected a JSON object");
  }

  private static Object root(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonSyntaxException("no JSON value (empty text)");
    }
    Object value = value(p, t);
    if (p.nextToken() != null) {
      throw new JsonSyntaxException("unexpected content after the value" + at(p));
    }
    return value;
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        return object(p);
      case START_ARRAY:
        return array(p);
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return number(p, true);
      case VALUE_NUMBER_FLOAT:
        return number(p, false);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonSyntaxException("unexpected " + t + at(p));
    }
  }

  private static JsonObject object(JsonParser p) throws IOException {
    JsonObject.Builder members = new JsonObject.Builder();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      if (!members.add(name, value(p, p.nextToken()))) {
        throw new JsonSyntaxException("duplicate member name \"" + name + "\"" + at(p));
      }
    }
    return members.build();
  }

  private static JsonArray array(JsonParser p) throws IOException {
    ArrayList<Object> items = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      items.add(value(p, t));
    }
    return items.isEmpty() ? JsonArray.EMPTY : new JsonArray(items.toArray());
  }

  private static JsonNumber number(JsonParser p, boolean integral) throws IOException {
    String text = p.getText();
    boolean mayOverflow = integral ? text.length() > SAFE_PLAIN_DIGITS : mayOverflow(text);
    if (mayOverflow && Double.isInfinite(Double.parseDouble(text))) {
      throw new JsonSyntaxException("number outside IEEE 754 double range" + at(p));
    }
    return new JsonNumber(text, integral);
  }

  private static boolean mayOverflow(String text) {
    return text.length() > SAFE_PLAIN_DIGITS || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
  }

  private static String at(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
  }
}
