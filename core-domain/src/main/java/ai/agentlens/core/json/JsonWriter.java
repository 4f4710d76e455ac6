package ai.agentlens.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes trees of {@link JsonReader} as JSON text: numbers exactly as their {@link
 * JsonNumber#text()}, member order kept, strings escaped exactly as Jackson's generator escapes
 * them ({@code "}, {@code \}, the short forms {@code \b \t \n \f \r}, other control characters as
 * {@code \}{@code u00XX} in uppercase hex; everything else as is). Thread-safe (stateless).
 */
public final class JsonWriter {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonWriter() {}

  /**
   * Writes a value as compact JSON (no whitespace).
   *
   * @param value a JSON value
   * @return its text
   * @throws IllegalArgumentException when the tree holds something that is not a JSON value
   */
  public static String write(Object value) {
    // why: a StringBuilder and one escaping loop; the generator with its Writer copied every
    // character three times and was a third of the gateway's CPU per event
    StringBuilder out = new StringBuilder(256);
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof JsonObject o) {
      out.append('{');
      for (int i = 0; i < o.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendString(out, o.name(i));
        out.append(':');
        append(out, o.value(i));
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
      // why: the number's own text, so 1.10 is not rewritten as 1.1 and hashes see the same value
      out.append(n.text());
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else {
      JsonValues.require(value);
    }
  }

  private static void appendString(StringBuilder out, String s) {
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
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    out.append(s, from, len).append('"');
  }

  /**
   * Writes a value indented for people, as Jackson's default pretty printer lays it out.
   *
   * @param value a JSON value
   * @return its text over several lines
   * @throws IllegalArgumentException when the tree holds something that is not a JSON value
   */
  public static String pretty(Object value) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JsonReader.FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      generate(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toString();
  }

  /**
   * Writes a value to a Jackson generator: numbers as their texts, member order kept.
   *
   * @param g the generator
   * @param value a JSON value
   * @throws IOException from the generator's target
   * @throws IllegalArgumentException when the tree holds something that is not a JSON value
   */
  static void generate(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof JsonObject o) {
      g.writeStartObject();
      for (int i = 0; i < o.size(); i++) {
        g.writeFieldName(o.name(i));
        generate(g, o.value(i));
      }
      g.writeEndObject();
    } else if (value instanceof JsonArray a) {
      g.writeStartArray();
      for (int i = 0; i < a.size(); i++) {
        generate(g, a.get(i));
      }
      g.writeEndArray();
    } else if (value instanceof JsonNumber n) {
      g.writeNumber(n.text());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      JsonValues.require(value);
    }
  }
}
