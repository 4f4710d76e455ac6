package ai.agentlens.core.json;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * A strict RFC 8259 parser over a {@code String} and an RFC 8785 (JCS) writer over its tree.
 *
 * <p>why: the write path parsed every payload three to four times (nanojson for validation, which
 * allocates a 64 KiB buffer per call, then again for the canonical form, then for the session
 * projection). This parser reads the text once, without a buffer, into nanojson's {@link
 * JsonObject}/{@link JsonArray} types, and the canonical form is written from that tree.
 *
 * <p>It accepts exactly the texts the old pipeline stored and hashed: what nanojson accepted and
 * the JCS reference canonicalizer could hash. So it rejects duplicate member names and numbers
 * outside IEEE 754 double range (RFC 8785 cannot represent them) as well as any syntax error.
 * Numbers are held as {@link Long} (integers of at most 18 digits) or {@link Double}; their
 * canonical form is that of the IEEE 754 double, as RFC 8785 requires.
 */
final class JsonTree {

  /** Thrown on text that is not JSON (or not representable in RFC 8785). */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message, null, false, false);
    }
  }

  private final String s;
  private final int n;
  private int i;
  private boolean nul;
  private boolean lazyNumbers;

  private JsonTree(String text) {
    this.s = text;
    this.n = text.length();
  }

  /**
   * Parses one JSON object text keeping every number as its source text ({@link NumberText}), so
   * writing the tree back with nanojson's writer reproduces the numbers exactly.
   *
   * @param text the text
   * @return the object
   * @throws SyntaxException when the text is not exactly one valid JSON object
   */
  static JsonObject parseObjectKeepingNumbers(String text) throws SyntaxException {
    JsonTree p = new JsonTree(text);
    p.lazyNumbers = true;
    p.skipWs();
    if (p.i >= p.n || p.s.charAt(p.i) != '{') {
      throw p.error("expected a JSON object");
    }
    JsonObject o;
    try {
      o = p.object();
    } catch (StackOverflowError e) {
      throw new SyntaxException("nested too deeply");
    }
    p.skipWs();
    if (p.i != p.n) {
      throw p.error("unexpected content after the object");
    }
    return o;
  }

  /** A JSON number kept as its source text; {@code toString} is that text. */
  static final class NumberText extends Number {
    private static final long serialVersionUID = 1L;
    private final String text;

    NumberText(String text) {
      this.text = text;
    }

    @Override
    public int intValue() {
      return (int) longValue();
    }

    @Override
    public long longValue() {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return (long) doubleValue();
      }
    }

    @Override
    public float floatValue() {
      return (float) doubleValue();
    }

    @Override
    public double doubleValue() {
      return Double.parseDouble(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * Parses one JSON object text.
   *
   * @param text the text
   * @return the object
   * @throws SyntaxException when the text is not exactly one valid JSON object
   */
  static Result parseObject(String text) throws SyntaxException {
    JsonTree p = new JsonTree(text);
    p.skipWs();
    if (p.i >= p.n || p.s.charAt(p.i) != '{') {
      throw p.error("expected a JSON object");
    }
    JsonObject o;
    try {
      o = p.object();
    } catch (StackOverflowError e) {
      throw new SyntaxException("nested too deeply");
    }
    p.skipWs();
    if (p.i != p.n) {
      throw p.error("unexpected content after the object");
    }
    return new Result(o, p.nul);
  }

  /**
   * Parses one JSON array text.
   *
   * @param text the text
   * @return the array
   * @throws SyntaxException when the text is not exactly one valid JSON array
   */
  static JsonArray parseArray(String text) throws SyntaxException {
    JsonTree p = new JsonTree(text);
    p.skipWs();
    if (p.i >= p.n || p.s.charAt(p.i) != '[') {
      throw p.error("expected a JSON array");
    }
    JsonArray a;
    try {
      a = p.array();
    } catch (StackOverflowError e) {
      throw new SyntaxException("nested too deeply");
    }
    p.skipWs();
    if (p.i != p.n) {
      throw p.error("unexpected content after the array");
    }
    return a;
  }

  /** A parsed object, and whether any of its strings (names or values) holds a NUL. */
  record Result(JsonObject object, boolean containsNul) {}

  private SyntaxException error(String what) {
    return new SyntaxException(what + " at character " + i);
  }

  private void skipWs() {
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        i++;
      } else {
        return;
      }
    }
  }

  private Object value() throws SyntaxException {
    if (i >= n) {
      throw error("unexpected end of text");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  private Object literal(String word, Object value) throws SyntaxException {
    if (!s.startsWith(word, i)) {
      throw error("invalid literal");
    }
    i += word.length();
    return value;
  }

  private JsonObject object() throws SyntaxException {
    i++; // '{'
    JsonObject o = new JsonObject();
    skipWs();
    if (i < n && s.charAt(i) == '}') {
      i++;
      return o;
    }
    while (true) {
      if (i >= n || s.charAt(i) != '"') {
        throw error("expected a member name");
      }
      String key = string();
      skipWs();
      if (i >= n || s.charAt(i) != ':') {
        throw error("expected ':'");
      }
      i++;
      skipWs();
      Object v = value();
      if (o.containsKey(key)) {
        throw error("duplicate member name");
      }
      o.put(key, v);
      skipWs();
      if (i >= n) {
        throw error("unterminated object");
      }
      char c = s.charAt(i++);
      if (c == '}') {
        return o;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
      skipWs();
    }
  }

  private JsonArray array() throws SyntaxException {
    i++; // '['
    JsonArray a = new JsonArray();
    skipWs();
    if (i < n && s.charAt(i) == ']') {
      i++;
      return a;
    }
    while (true) {
      a.add(value());
      skipWs();
      if (i >= n) {
        throw error("unterminated array");
      }
      char c = s.charAt(i++);
      if (c == ']') {
        return a;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
      skipWs();
    }
  }

  private String string() throws SyntaxException {
    int start = ++i; // after '"'
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"') {
        return s.substring(start, i++);
      }
      if (c == '\\') {
        break;
      }
      if (c < 0x20) {
        throw error("unescaped control character in a string");
      }
      i++;
    }
    StringBuilder b = new StringBuilder(i - start + 16).append(s, start, i);
    while (i < n) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        i--;
        throw error("unescaped control character in a string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= n) {
        break;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 > n) {
            throw error("truncated \\u escape");
          }
          int cp = 0;
          for (int k = 0; k < 4; k++) {
            int h = Character.digit(s.charAt(i++), 16);
            if (h < 0) {
              throw error("bad hex digit in a \\u escape");
            }
            cp = (cp << 4) | h;
          }
          if (cp == 0) {
            nul = true;
          }
          b.append((char) cp);
        }
        default -> throw error("unsupported escape");
      }
    }
    throw error("unterminated string");
  }

  private Object number() throws SyntaxException {
    int start = i;
    if (s.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      throw error("truncated number");
    }
    char c = s.charAt(i);
    if (c == '0') {
      i++;
    } else if (c >= '1' && c <= '9') {
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    } else {
      throw error("invalid number");
    }
    boolean integral = true;
    if (i < n && s.charAt(i) == '.') {
      integral = false;
      i++;
      int d = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == d) {
        throw error("invalid number");
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      integral = false;
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int d = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == d) {
        throw error("invalid number");
      }
    }
    if (lazyNumbers) {
      return new NumberText(s.substring(start, i));
    }
    if (integral && i - start <= 18) {
      return Long.parseLong(s, start, i, 10);
    }
    double d = Double.parseDouble(s.substring(start, i));
    if (Double.isInfinite(d)) {
      throw error("number outside IEEE 754 double range");
    }
    return d;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ---- RFC 8785 output ----

  /** Largest integer a double holds exactly; below it a long prints as the double would. */
  private static final long SAFE = 1L << 53;

  /**
   * Appends the RFC 8785 canonical form of a parsed value.
   *
   * @param out where to append
   * @param v a value from {@link #parseObject}
   */
  static void canonical(StringBuilder out, Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String str) {
      string(out, str);
    } else if (v instanceof Map<?, ?> m) {
      String[] keys = new String[m.size()];
      int k = 0;
      for (Object key : m.keySet()) {
        keys[k++] = (String) key;
      }
      // why: String.compareTo orders by UTF-16 code units, exactly RFC 8785 §3.2.3
      Arrays.sort(keys);
      out.append('{');
      for (int j = 0; j < keys.length; j++) {
        if (j > 0) {
          out.append(',');
        }
        string(out, keys[j]);
        out.append(':');
        canonical(out, m.get(keys[j]));
      }
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      for (int j = 0; j < l.size(); j++) {
        if (j > 0) {
          out.append(',');
        }
        canonical(out, l.get(j));
      }
      out.append(']');
    } else if (v instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (v instanceof Long l) {
      number(out, l);
    } else if (v instanceof Number num) {
      number(out, num.doubleValue());
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  /**
   * Appends an integer in RFC 8785 form (that of the nearest double).
   *
   * @param out where to append
   * @param l the integer
   */
  static void number(StringBuilder out, long l) {
    if (l > -SAFE && l < SAFE) {
      out.append(l);
    } else {
      number(out, (double) l);
    }
  }

  private static void number(StringBuilder out, double d) {
    try {
      out.append(NumberToJSON.serializeNumber(d));
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Appends a string literal in RFC 8785 form: only {@code "}, {@code \}, and control characters
   * are escaped; the short forms where JSON has them, else {@code \}{@code u00xx} in lowercase hex.
   *
   * @param out where to append
   * @param str the string
   */
  static void string(StringBuilder out, String str) {
    out.append('"');
    int len = str.length();
    int from = 0;
    for (int j = 0; j < len; j++) {
      char c = str.charAt(j);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(str, from, j);
      from = j + 1;
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
    out.append(str, from, len).append('"');
  }
}
