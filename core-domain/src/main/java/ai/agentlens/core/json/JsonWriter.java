package ai.agentlens.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes trees of {@link JsonReader} as JSON text with jackson-core's generator: numbers exactly as
 * their {@link JsonNumber#text()}, member order kept, strings escaped as Jackson escapes them
 * ({@code "}, {@code \}, and control characters; everything else as is). Thread-safe (stateless).
 */
public final class JsonWriter {

  private JsonWriter() {}

  /**
   * Writes a value as compact JSON (no whitespace).
   *
   * @param value a JSON value
   * @return its text
   * @throws IllegalArgumentException when the tree holds something that is not a JSON value
   */
  public static String write(Object value) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JsonReader.FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toString();
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
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof JsonObject o) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : o.entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof JsonArray a) {
      g.writeStartArray();
      for (int i = 0; i < a.size(); i++) {
        write(g, a.get(i));
      }
      g.writeEndArray();
    } else if (value instanceof JsonNumber n) {
      // why: the number's own text, so 1.10 is not rewritten as 1.1 and hashes see the same value
      g.writeNumber(n.text());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      JsonValues.require(value);
    }
  }
}
