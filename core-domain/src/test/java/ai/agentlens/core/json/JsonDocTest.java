package ai.agentlens.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Documents parse lazily and once, and trees never change under anybody's feet. */
class JsonDocTest {

  @Test
  void aTextIsParsedOnlyWhenNeededAndThenOnce() {
    JsonDoc doc = JsonDoc.of("{\"a\":1.50}");
    assertThat(doc.isParsed()).isFalse();
    JsonObject first = doc.tree();
    assertThat(doc.isParsed()).isTrue();
    assertThat(doc.tree()).isSameAs(first);
    assertThat(doc.text()).isEqualTo("{\"a\":1.50}");
  }

  @Test
  void concurrentFirstReadersShareOneTree() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        JsonDoc doc = JsonDoc.of("{\"k\":[1,2,3],\"round\":" + round + "}");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonObject>> trees = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          trees.add(
              pool.submit(
                  () -> {
                    start.await();
                    return doc.tree();
                  }));
        }
        start.countDown();
        JsonObject one = trees.get(0).get();
        for (Future<JsonObject> f : trees) {
          assertThat(f.get()).isSameAs(one);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInvalidTextFailsEveryTimeWithTheSameMessage() {
    JsonDoc doc = JsonDoc.of("{\"a\":1,\"a\":2}");
    assertThatThrownBy(doc::tree).isInstanceOf(JsonSyntaxException.class);
    assertThatThrownBy(doc::tree).hasMessageContaining("duplicate member name \"a\"");
    assertThat(doc.isParsed()).isFalse();
    assertThatThrownBy(() -> JsonDoc.of("[1]").tree()).hasMessage("expected a JSON object");
  }

  @Test
  void aTreeIsWrittenOnceAndKept() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cost", JsonNumber.of(new BigDecimal("0.008755")));
    m.put("n", null);
    m.put("list", JsonArray.of(List.of("x", JsonNumber.of(3))));
    JsonObject tree = JsonObject.of(m);
    JsonDoc doc = JsonDoc.of(tree);
    assertThat(doc.isParsed()).isTrue();
    assertThat(doc.tree()).isSameAs(tree);
    assertThat(doc.text()).isEqualTo("{\"cost\":0.008755,\"n\":null,\"list\":[\"x\",3]}");
    assertThat(JsonDoc.of(JsonObject.EMPTY)).isSameAs(JsonDoc.EMPTY_OBJECT);
    assertThat(doc).isEqualTo(JsonDoc.of(doc.text())).hasToString(doc.text());
  }

  @Test
  void treesAreImmutableAndChangesCopy() {
    JsonObject tree = JsonReader.readObject("{\"a\":{\"b\":[\"x\",\"y\"]},\"c\":1}");
    assertThatThrownBy(() -> tree.put("d", "e")).isInstanceOf(UnsupportedOperationException.class);
    JsonArray b = tree.object("a").array("b");
    assertThatThrownBy(() -> b.set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tree.entrySet().iterator().next().setValue("z"))
        .isInstanceOf(UnsupportedOperationException.class);

    JsonObject changed = tree.with("c", JsonNumber.of(2)).with("d", true);
    assertThat(changed.keySet()).containsExactly("a", "c", "d");
    assertThat(tree).isEqualTo(JsonReader.readObject("{\"a\":{\"b\":[\"x\",\"y\"]},\"c\":1}"));
    assertThat(tree.mapValues(v -> v)).isSameAs(tree);
    assertThat(b.mapValues(v -> v)).isSameAs(b);
    assertThat(b.mapValues(v -> "y".equals(v) ? "Y" : v)).containsExactly("x", "Y");
    assertThat(tree.without(List.of("nope"))).isSameAs(tree);
    assertThat(tree.without(List.of("c")).keySet()).containsExactly("a");
    assertThatThrownBy(() -> tree.with("e", 3L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JsonNumber");
  }

  @Test
  void nulCharactersAreFoundInTheTextWithoutParsing() {
    assertThat(JsonDoc.of("{\"a\":\"\\u0000\"}").containsNul()).isTrue();
    assertThat(JsonDoc.of("{\"\\u0000\":1}").containsNul()).isTrue();
    assertThat(JsonDoc.of("{\"a\":\"\\\\\\u0000\"}").containsNul()).isTrue();
    assertThat(JsonDoc.of("{\"a\":\"\\\\u0000\"}").containsNul()).isFalse();
    assertThat(JsonDoc.of("{\"a\":\"\\u00001\"}").containsNul()).isTrue();
    assertThat(JsonDoc.of("{\"a\":\"\\u0001\"}").containsNul()).isFalse();
    assertThat(JsonDoc.of(JsonObject.of(Map.of("a", "x\0y"))).containsNul()).isTrue();
  }

  @Test
  void loneSurrogatesAreFoundRawOrEscapedButPairsAreNot() {
    assertThat(JsonDoc.of(JsonObject.of(Map.of("a", "x\ud800"))).containsLoneSurrogate()).isTrue();
    assertThat(JsonDoc.of(JsonObject.of(Map.of("\udc00", Boolean.TRUE))).containsLoneSurrogate())
        .isTrue();
    assertThat(JsonDoc.of("{\"a\":[\"\\ud800\"]}").containsLoneSurrogate()).isTrue();
    assertThat(JsonDoc.of("{\"a\":\"\\ud83d\\ude00\"}").containsLoneSurrogate()).isFalse();
    assertThat(JsonDoc.of("{\"a\":\"\\\\ud800\"}").containsLoneSurrogate())
        .as("an escaped backslash followed by ud800 is text, not a surrogate")
        .isFalse();
    assertThat(JsonDoc.of(JsonObject.of(Map.of("a", "😀é"))).containsLoneSurrogate()).isFalse();
    assertThat(Utf16.isWellFormed("😀")).isTrue();
    assertThat(Utf16.isWellFormed("\ude00\ud83d")).isFalse();
  }

  @Test
  void utf8LengthIsThatOfTheEncoder() {
    for (String s :
        List.of("{}", "{\"a\":\"é€😀\"}", "{\"a\":\"\ud800x\"}", "{\"a\":\"x\udc00\"}", "é")) {
      assertThat(JsonDoc.of(s).utf8Length())
          .as(s)
          .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void numbersOutsideDoubleRangeCannotBeMade() {
    assertThatThrownBy(() -> JsonNumber.of(new BigDecimal("1e400")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(JsonNumber.of(new BigDecimal("1E+1")).isIntegral()).isFalse();
    assertThat(JsonNumber.of(-5).signum()).isEqualTo(-1);
    assertThat(JsonReader.read("-0")).isEqualTo(new JsonNumber("-0", true));
    assertThat(((JsonNumber) JsonReader.read("-0")).signum()).isZero();
    assertThat(((JsonNumber) JsonReader.read("12345678901234567890")).longValue())
        .isEqualTo(Long.MAX_VALUE);
  }
}
