package ai.agentlens.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects behave as ordered maps, small (scanned) and large (indexed) alike. */
class JsonObjectTest {

  private static String text(int members) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < members; i++) {
      s.append(i > 0 ? "," : "").append("\"k").append(members - i).append("\":").append(i);
    }
    return s.append('}').toString();
  }

  @Test
  void smallAndIndexedObjectsAreOrderedMaps() {
    for (int n : List.of(0, 1, JsonObject.INDEXED_FROM - 1, JsonObject.INDEXED_FROM, 40)) {
      JsonObject o = JsonReader.readObject(text(n));
      Map<String, Object> expected = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        expected.put("k" + (n - i), JsonNumber.of(i));
      }
      assertThat(o).as("%d members", n).isEqualTo(expected).hasSameHashCodeAs(expected);
      assertThat(o.keySet()).containsExactlyElementsOf(expected.keySet());
      assertThat(o.get("nope")).isNull();
      assertThat(o.containsKey("nope")).isFalse();
      assertThat(JsonWriter.write(o)).isEqualTo(text(n));
      if (n > 1) {
        assertThat(o.get("k" + n)).isEqualTo(JsonNumber.of(0));
        JsonObject changed = o.with("k1", "one").with("new", true).without(List.of("k" + n));
        assertThat(changed).hasSize(n).containsEntry("k1", "one").containsEntry("new", true);
        assertThat(changed.containsKey("k" + n)).isFalse();
        assertThat(o).isEqualTo(expected);
      }
    }
  }

  @Test
  void repeatedNamesAreFoundInSmallAndLargeObjects() {
    for (int n : List.of(2, JsonObject.INDEXED_FROM - 1, JsonObject.INDEXED_FROM + 3, 50)) {
      String first = text(n).substring(0, text(n).indexOf(','));
      String repeated = text(n).replace("}", "," + first.substring(1) + "}");
      assertThatThrownBy(() -> JsonReader.readObject(repeated))
          .as(repeated)
          .isInstanceOf(JsonSyntaxException.class)
          .hasMessageStartingWith("duplicate member name \"k" + n + "\"");
    }
  }

  @Test
  void nullMembersArePresent() {
    JsonObject o = JsonReader.readObject("{\"a\":null}");
    assertThat(o.containsKey("a")).isTrue();
    assertThat(o.get("a")).isNull();
    assertThat(o.string("a")).isNull();
    assertThat(o.entrySet()).hasSize(1);
    assertThat(o.without(List.of("a"))).isSameAs(JsonObject.EMPTY);
  }
}
