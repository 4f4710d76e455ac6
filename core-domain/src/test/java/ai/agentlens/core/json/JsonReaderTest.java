package ai.agentlens.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reader accepts and refuses, and that the writer gives back exactly what it read. */
class JsonReaderTest {

  @Test
  void refusesWhatTheFormerParserRefused() {
    for (String bad :
        List.of(
            "",
            "   ",
            "[]",
            "{",
            "{\"a\":1,}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":-}",
            "{\"a\":1e}",
            "{\"a\":+1}",
            "{\"a\":1e400}",
            "{\"a\":-1e400}",
            "{\"a\":" + "9".repeat(400) + "}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":null,\"a\":null}",
            "{\"o\":{\"b\":[],\"b\":{}}}",
            "{\"a\":\"x\ty\"}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12g4\"}",
            "{\"a\":tru}",
            "{\"a\":truex}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{'a':1}",
            "{\"a\":1} x",
            "{\"a\":1}{}",
            "{\"a\":1 /* c */}",
            "{\"a\":\"\\u0000\"}",
            "{\"\\u0000\":1}")) {
      assertThatThrownBy(() -> Json.object("payload", bad, 1 << 20))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("payload: ");
    }
  }

  @Test
  void namesTheProblem() {
    assertThatThrownBy(() -> JsonReader.read("{\"a\":1,\n\"a\":2}"))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessage("duplicate member name \"a\" (line 2, column 5)");
    assertThatThrownBy(() -> JsonReader.read("[1e999]"))
        .hasMessage("number outside IEEE 754 double range (line 1, column 2)");
    assertThatThrownBy(() -> JsonReader.read("{} []"))
        .hasMessage("unexpected content after the value (line 1, column 4)");
    assertThatThrownBy(() -> Json.object("metadata", "{\"s\":\"\\u0000\"}", 100))
        .hasMessage("metadata: contains a NUL character");
    assertThatThrownBy(() -> Json.object("payload", "{\"s\":\"" + "é".repeat(40) + "\"}", 80))
        .hasMessage("payload: larger than 80 bytes");
  }

  @Test
  void nestingIsBounded() {
    String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
    assertThat(JsonReader.read(ok)).isInstanceOf(JsonArray.class);
    String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
    assertThatThrownBy(() -> JsonReader.read(deep))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void acceptsEveryJsonValueAndKeepsTypesAndOrder() {
    Object v =
        JsonReader.read(
            " {\"z\":null,\"a\":[true,false,\"s\",-0,1.50,2E+3,{}],\"é\":{\"x\":\"\\ud83d\\ude00\"}} ");
    JsonObject o = (JsonObject) v;
    assertThat(o.keySet()).containsExactly("z", "a", "é");
    assertThat(o.containsKey("z")).isTrue();
    assertThat(o.get("z")).isNull();
    assertThat(o.containsKey("missing")).isFalse();
    JsonArray a = o.array("a");
    assertThat(a).hasSize(7);
    assertThat(a.get(0)).isEqualTo(Boolean.TRUE);
    assertThat(a.get(2)).isEqualTo("s");
    assertThat(((JsonNumber) a.get(3)).text()).isEqualTo("-0");
    assertThat(((JsonNumber) a.get(3)).isIntegral()).isTrue();
    assertThat(((JsonNumber) a.get(4)).isIntegral()).isFalse();
    assertThat(((JsonNumber) a.get(5)).doubleValue()).isEqualTo(2000.0);
    assertThat(a.get(6)).isSameAs(JsonObject.EMPTY);
    assertThat(o.object("é").string("x")).isEqualTo("😀");
    assertThat(JsonReader.read("\"just a string\"")).isEqualTo("just a string");
    assertThat(JsonReader.read("7".getBytes(StandardCharsets.UTF_8))).isEqualTo(JsonNumber.of(7));
  }

  @Test
  void writingBackReproducesNumberTextsOrderAndStrings() {
    String text =
        "{\"a\":0.10,\"b\":1e2,\"c\":12345678901234567890123,\"d\":-0,\"e\":[7,1E-7,-2.50e+3],"
            + "\"z\":null,\"s\":\"tab\\t quote\\\" é 😀 \\u0001\"}";
    JsonObject tree = JsonReader.readObject(text);
    String written = JsonWriter.write(tree);
    assertThat(written)
        .isEqualTo(
            "{\"a\":0.10,\"b\":1e2,\"c\":12345678901234567890123,\"d\":-0,\"e\":[7,1E-7,-2.50e+3],"
                + "\"z\":null,\"s\":\"tab\\t quote\\\" é 😀 \\u0001\"}");
    assertThat(JsonReader.readObject(written)).isEqualTo(tree);
    assertThat(((JsonNumber) tree.array("e").get(0)).longValue()).isEqualTo(7);
  }

  @Test
  void compactTextIsWhatJacksonsGeneratorWrites() throws Exception {
    java.util.Random r = new java.util.Random(7);
    for (int k = 0; k < 2000; k++) {
      StringBuilder s = new StringBuilder();
      for (int i = r.nextInt(12); i > 0; i--) {
        // why: every control character, the escaped ASCII ones, DEL, non-ASCII, surrogates
        int kind = r.nextInt(6);
        s.append(
            switch (kind) {
              case 0 -> (char) r.nextInt(0x20);
              case 1 -> "\"\\/".charAt(r.nextInt(3));
              case 2 -> (char) (0x20 + r.nextInt(0x60));
              case 3 -> (char) (0x7f + r.nextInt(0x100));
              case 4 -> (char) (0xd800 + r.nextInt(0x800));
              default -> "é€😀\u2028".charAt(r.nextInt(5));
            });
      }
      JsonObject tree =
          JsonObject.of(
              java.util.Map.of(
                  s.toString(), JsonArray.of(java.util.Arrays.asList(s.toString(), null, true))));
      java.io.StringWriter jackson = new java.io.StringWriter();
      try (com.fasterxml.jackson.core.JsonGenerator g =
          JsonReader.FACTORY.createGenerator(jackson)) {
        JsonWriter.generate(g, tree);
      }
      assertThat(JsonWriter.write(tree)).isEqualTo(jackson.toString());
    }
  }

  @Test
  void prettyTextIsJacksonsDefaultLayout() {
    assertThat(JsonWriter.pretty(JsonReader.read("{\"a\":[1,{\"b\":null}]}")))
        .isEqualTo("{\n  \"a\" : [ 1, {\n    \"b\" : null\n  } ]\n}");
  }

  @Test
  void stringArraysRoundTrip() {
    List<String> values = List.of("a", "quote \" back \\ tab \t ctl \u001a", "é😀", "");
    String text = Json.stringArray(values);
    assertThat(text).contains("\\u001a");
    assertThat(Json.parseStringArray(text)).isEqualTo(values);
    assertThat(Json.parseStringArray(null)).isEmpty();
    assertThat(Json.parseStringArray("[1,null,true]")).containsExactly("1", "null", "true");
    assertThatThrownBy(() -> Json.parseStringArray("{}")).isInstanceOf(InvalidInputException.class);
  }
}
