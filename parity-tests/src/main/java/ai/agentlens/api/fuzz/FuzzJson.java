package ai.agentlens.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of hostile JSON texts: tricky strings (NUL, control characters, lone surrogates,
 * quotes, non-BMP), numbers at and beyond every boundary, nesting up to past the parser's depth
 * limit, duplicate and unknown member names; and byte-level damage (invalid UTF-8, truncation).
 */
public final class FuzzJson {

  private FuzzJson() {}

  private static final List<String> ATOMS =
      List.of(
          "a",
          "Z",
          "0",
          " ",
          "é",
          "€",
          "😀",
          "\\u0000",
          "\\u0001",
          "\\u001f",
          "\\u007f",
          "\\u0085",
          "\\ud800",
          "\\udc00",
          "\\ud83d\\ude00",
          "\\\"",
          "\\\\",
          "\\n",
          "\\t",
          "\\/",
          "\\u2028",
          "\\ufeff",
          "\\uffff",
          "<script>",
          "'",
          "%00",
          "${x}",
          "{{x}}");

  /**
   * A JSON string literal (with its quotes) built from tricky pieces.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> string() {
    Arbitrary<String> pieces =
        Arbitraries.of(ATOMS).list().ofMaxSize(8).map(l -> String.join("", l));
    Arbitrary<String> sized =
        Arbitraries.of(0, 1, 255, 256, 257, 1024, 10_241).map(n -> "x".repeat(n));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, pieces),
            net.jqwik.api.Tuple.of(1, sized),
            net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(12).map(FuzzJson::escape)))
        .map(s -> "\"" + s + "\"");
  }

  /**
   * A JSON number text, from ordinary to beyond IEEE 754 double range.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> number() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(Object::toString),
        Arbitraries.longs().map(Object::toString),
        Arbitraries.doubles().map(Object::toString),
        Arbitraries.of(
            "0",
            "-0",
            "0.0",
            "1e2",
            "1E-7",
            "-1",
            "1e308",
            "1.7976931348623157e308",
            "1e309",
            "-1e400",
            "1e-400",
            "5e-324",
            "9007199254740993",
            "18446744073709551616",
            "1" + "0".repeat(400),
            "0." + "0".repeat(400) + "1",
            "1" + "0".repeat(1200),
            "2147483648",
            "-2147483649",
            "1.5"));
  }

  /**
   * Any JSON value, nested up to {@code depth} levels.
   *
   * @param depth the deepest nesting
   * @return the arbitrary
   */
  public static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(string(), number(), Arbitraries.of("true", "false", "null"));
    if (depth <= 0) {
      return scalar;
    }
    Arbitrary<String> array =
        Arbitraries.lazy(() -> value(depth - 1))
            .list()
            .ofMaxSize(4)
            .map(l -> "[" + String.join(",", l) + "]");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, scalar),
        net.jqwik.api.Tuple.of(2, array),
        net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> object(depth - 1, List.of("a", "b")))));
  }

  /**
   * A JSON object of members with names from {@code names} or tricky strings (so names repeat and
   * unknown ones appear), values from {@link #value}.
   *
   * @param depth the deepest nesting of the values
   * @param names plausible member names
   * @return the arbitrary
   */
  public static Arbitrary<String> object(int depth, List<String> names) {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.of(names).map(n -> "\"" + n + "\"")),
            net.jqwik.api.Tuple.of(1, string()));
    Arbitrary<String> member =
        Combinators.combine(name, Arbitraries.lazy(() -> value(depth))).as((n, v) -> n + ":" + v);
    return member.list().ofMaxSize(6).map(l -> "{" + String.join(",", l) + "}");
  }

  /**
   * Arrays or objects nested around the parser's depth limit (1,000) and far past it.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> deep() {
    return Arbitraries.of(10, 998, 999, 1000, 1001, 5000, 50_000)
        .flatMap(
            n ->
                Arbitraries.of(
                    "[".repeat(n) + "]".repeat(n),
                    "{\"a\":".repeat(n) + "1" + "}".repeat(n),
                    "[".repeat(n)));
  }

  /**
   * Damages a text's bytes: invalid UTF-8 inserted at a random place, or the text cut short.
   *
   * @param text the text
   * @return the arbitrary of damaged bytes
   */
  public static Arbitrary<byte[]> damaged(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Arbitrary<byte[]> bad =
        Arbitraries.of(
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0x80},
            new byte[] {0});
    Arbitrary<Integer> at = Arbitraries.integers().between(0, bytes.length);
    Arbitrary<byte[]> inserted =
        Combinators.combine(bad, at)
            .as(
                (b, i) -> {
                  byte[] out = new byte[bytes.length + b.length];
                  System.arraycopy(bytes, 0, out, 0, i);
                  System.arraycopy(b, 0, out, i, b.length);
                  System.arraycopy(bytes, i, out, i + b.length, bytes.length - i);
                  return out;
                });
    Arbitrary<byte[]> cut = at.map(i -> java.util.Arrays.copyOf(bytes, i));
    return Arbitraries.oneOf(inserted, cut);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
