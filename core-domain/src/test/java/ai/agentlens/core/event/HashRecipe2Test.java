package ai.agentlens.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recipe 2, the AgentLens TypeScript server's hash (reference §2.1): the reference's worked
 * example, {@code JSON.stringify}'s key order, and verification of stored recipe-2 events (a
 * changed event or a changed hash source fails; the chain's links still count).
 */
class HashRecipe2Test {

  private static final String ID = "01HZZZZZZZZZZZZZZZZZZZZZZZ";

  private static String example(String prevHash) {
    return HashRecipe2.source(
        ID,
        "2025-01-01T00:00:00.000Z",
        "s1",
        "a1",
        "custom",
        "info",
        "{\"type\":\"t\",\"data\":{}}",
        "{}",
        prevHash);
  }

  @Test
  void theReferenceWorkedExampleHashesAsPublished() {
    String source = example(null);
    assertThat(source)
        .isEqualTo(
            "{\"v\":2,\"id\":\"01HZZZZZZZZZZZZZZZZZZZZZZZ\",\"timestamp\":\"2025-01-01T00:00:00.000Z\","
                + "\"sessionId\":\"s1\",\"agentId\":\"a1\",\"eventType\":\"custom\",\"severity\":\"info\","
                + "\"payload\":{\"type\":\"t\",\"data\":{}},\"metadata\":{},\"prevHash\":null}");
    assertThat(HashRecipe2.hash(source))
        .isEqualTo("5c6af79c3a76fdd8a00b49fc1dc0fce49fa999dba53c595736d71a402b0db3be");
  }

  @Test
  void stringifyHoistsIntegerKeysAndKeepsTheRestInOrder() {
    assertThat(HashRecipe2.stringify(JsonReader.readObject("{\"b\":1,\"2\":3,\"a\":2,\"1\":0}")))
        .isEqualTo("{\"1\":0,\"2\":3,\"b\":1,\"a\":2}");
    assertThat(HashRecipe2.stringify(JsonReader.readObject("{\"x\":[1.0,1e2,\"é/\\n\"],\"01\":1}")))
        .isEqualTo("{\"x\":[1,100,\"é/\\n\"],\"01\":1}");
  }

  private static Event stored(String payload, String source, String hash, long sequence) {
    return new Event(
        ID,
        "org",
        "s1",
        "a1",
        EventType.CUSTOM,
        Severity.INFO,
        Instant.parse("2025-01-01T00:00:00Z"),
        JsonDoc.of(payload),
        JsonDoc.of("{}"),
        sequence,
        null,
        hash,
        HashRecipe2.VERSION,
        source);
  }

  @Test
  void aStoredRecipe2EventVerifiesWithItsOwnRecipeWhateverTheStoreDidToKeyOrder() {
    String source = example(null);
    String hash = HashRecipe2.hash(source);
    // why: PostgreSQL jsonb gives the payload back with its keys reordered
    Event e = stored("{\"data\":{},\"type\":\"t\"}", source, hash, 1);
    assertThat(HashChain.verify(List.of(e)).valid()).isTrue();
    assertThat(HashChain.verify(List.of(stored("{\"data\":{},\"type\":\"u\"}", source, hash, 1))))
        .extracting(ChainVerification::valid)
        .isEqualTo(false);
    String forged = source.replace("\"t\"", "\"u\"");
    assertThat(HashChain.check(stored("{\"data\":{},\"type\":\"u\"}", forged, hash, 1)))
        .isNotNull();
    assertThat(
            HashChain.check(
                stored("{\"data\":{},\"type\":\"u\"}", forged, HashRecipe2.hash(forged), 1)))
        .as("a consistent forgery of one event verifies alone; its successor's link catches it")
        .isNull();
  }

  @Test
  void aLinkingRecipe2EventKeepsItsHashAndOneThatDoesNotLinkIsChainedWithRecipe1() {
    String source = example(null);
    Event incoming =
        new Event(
            ID,
            "org",
            "s1",
            "a1",
            EventType.CUSTOM,
            Severity.INFO,
            Instant.parse("2025-01-01T00:00:00Z"),
            JsonDoc.of("{\"type\":\"t\",\"data\":{}}"),
            JsonDoc.of("{}"),
            0,
            null,
            HashRecipe2.hash(source),
            HashRecipe2.VERSION,
            source);
    CheckedEvent checked = EventRules.validate("org", incoming);
    Event kept = HashChain.extendChecked(0, null, List.of(checked)).get(0);
    assertThat(kept.hash()).isEqualTo(HashRecipe2.hash(source));
    assertThat(kept.hashVersion()).isEqualTo(2);
    assertThat(kept.sequence()).isEqualTo(1);
    Event rechained = HashChain.extendChecked(4, "f".repeat(64), List.of(checked)).get(0);
    assertThat(rechained.hashVersion()).isEqualTo(HashChain.VERSION);
    assertThat(rechained.hashSource()).isNull();
    assertThat(rechained.prevHash()).isEqualTo("f".repeat(64));
    assertThat(HashChain.verify(List.of(rechained), 5, "f".repeat(64)).valid()).isTrue();
  }
}
