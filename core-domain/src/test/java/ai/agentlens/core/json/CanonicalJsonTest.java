package ai.agentlens.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.event.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** The reader and the canonical writer against the RFC 8785 reference implementation. */
class CanonicalJsonTest {

  private static String ours(String text) {
    StringBuilder out = new StringBuilder();
    // why: the reader, not Json.check, which now refuses the lone surrogate this suite
    // canonicalizes
    CanonicalJson.append(out, JsonReader.readObject(text));
    return out.toString();
  }

  private static String reference(String text) throws Exception {
    return new JsonCanonicalizer(text).getEncodedString();
  }

  @Test
  void canonicalFormMatchesTheReferenceOnEdgeCases() throws Exception {
    List<String> cases =
        List.of(
            "{}",
            "{\"b\":1,\"a\":2}",
            " {\"a\" : [ 1 , 2.50 , -0 , 0.0 , 1e2 , 1E-7 , 123456789012345678 ] } ",
            "{\"n\":[9007199254740993,-9007199254740993,12345678901234567890,1e21,1e-7,5e-324]}",
            "{\"n\":[0.1,0.2,100,1.7976931348623157e308,-1.5e300,3.0e0,2E+3]}",
            "{\"s\":\"tab\\there \\\"quoted\\\" back\\\\slash \\/ \\u0001\\u001f\\u007f\\u00e9\"}",
            "{\"\\u20ac\":1,\"\\ud83d\\ude00\":2,\"a\":3,\"\\u00e9\":4,\"A\":5,\"\":6}",
            "{\"lone\":\"\\ud800x\",\"bs\":\"\\b\\f\\n\\r\"}",
            "{\"t\":true,\"f\":false,\"z\":null,\"o\":{\"y\":{},\"x\":[]}}",
            "{\"raw\":\"é€😀 \u2028\"}");
    for (String c : cases) {
      assertThat(ours(c)).as(c).isEqualTo(reference(c));
    }
  }

  @Test
  void canonicalFormMatchesTheReferenceOnRandomDocuments() throws Exception {
    Random r = new Random(8785);
    for (int k = 0; k < 3000; k++) {
      String doc = randomObject(r, 0);
      assertThat(ours(doc)).as(doc).isEqualTo(reference(doc));
    }
  }

  @Test
  void hashEqualsTheFormerEnvelopeCanonicalization() throws Exception {
    Random r = new Random(42);
    for (int k = 0; k < 500; k++) {
      Event e =
          Event.unwritten(
              "id-" + k + (k % 7 == 0 ? "\"\\é\u0001" : ""),
              "org",
              "s-" + (k % 3) + (k % 5 == 0 ? "€" : ""),
              "agent " + k + (k % 7 == 0 ? "\t" : ""),
              EventType.values()[k % EventType.values().length],
              Severity.values()[k % Severity.values().length],
              Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000)),
              randomObject(r, 0),
              k % 2 == 0 ? "{}" : randomObject(r, 1));
      String prev = k % 3 == 0 ? null : "ab".repeat(32);
      long seq = 1 + r.nextInt(1_000_000);
      String expected = formerHash(e, seq, prev);
      assertThat(HashChain.hash(e, seq, prev)).isEqualTo(expected);
      if (k % 7 != 0) { // why: ids with control characters are refused by validation
        assertThat(HashChain.hash(EventRules.validate("org", e), seq, prev)).isEqualTo(expected);
      }
    }
  }

  @Test
  void canonicalFormOfTheWrittenTextIsThatOfTheReadTree() throws Exception {
    Random r = new Random(1);
    for (int k = 0; k < 1000; k++) {
      String doc = randomObject(r, 0);
      String written = JsonWriter.write(JsonReader.readObject(doc));
      assertThat(ours(written)).as(doc).isEqualTo(reference(doc));
    }
  }

  @Test
  void integersBeyondTwoToThe53AreCanonicalizedAsDoubles() {
    StringBuilder out = new StringBuilder();
    CanonicalJson.appendNumber(out, 9007199254740993L);
    out.append(',');
    CanonicalJson.appendNumber(out, -42);
    out.append(',');
    CanonicalJson.append(out, JsonNumber.of(new java.math.BigDecimal("1E+1")));
    assertThat(out).hasToString("9007199254740992,-42,10");
  }

  // ---- helpers ----

  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** The hash construction as first written: an envelope text canonicalized by the reference. */
  private static String formerHash(Event event, long sequence, String prevHash) throws Exception {
    StringBuilder json = new StringBuilder();
    json.append("{\"v\":1,\"id\":");
    Json.appendString(json, event.id());
    json.append(",\"sequence\":").append(sequence).append(",\"timestamp\":");
    Json.appendString(json, TS.format(event.timestamp()));
    json.append(",\"sessionId\":");
    Json.appendString(json, event.sessionId());
    json.append(",\"agentId\":");
    Json.appendString(json, event.agentId());
    json.append(",\"eventType\":");
    Json.appendString(json, event.eventType().wireName());
    json.append(",\"severity\":");
    Json.appendString(json, event.severity().wireName());
    json.append(",\"payload\":").append(event.payload());
    json.append(",\"metadata\":").append(event.metadata());
    json.append(",\"prevHash\":");
    Json.appendString(json, prevHash);
    json.append('}');
    byte[] bytes =
        new JsonCanonicalizer(json.toString()).getEncodedString().getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static final String[] KEYS = {
    "a", "b", "B", "é", "€", "😀", "aa", "a b", "", "z\\u0001", "key\\\"q", "callId", "usage"
  };

  private static String randomObject(Random r, int depth) {
    StringBuilder b = new StringBuilder("{");
    int n = r.nextInt(depth > 2 ? 2 : 6);
    java.util.Set<String> used = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      String k = KEYS[r.nextInt(KEYS.length)];
      if (!used.add(k)) {
        continue;
      }
      if (b.length() > 1) {
        b.append(r.nextBoolean() ? "," : " ,\n ");
      }
      b.append('"').append(k).append("\":");
      b.append(randomValue(r, depth + 1));
    }
    return b.append('}').toString();
  }

  private static String randomValue(Random r, int depth) {
    switch (r.nextInt(depth > 3 ? 6 : 8)) {
      case 0:
        return Long.toString(r.nextLong() >> r.nextInt(64));
      case 1:
        return Double.toString((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
      case 2:
        return (r.nextBoolean() ? "-" : "")
            + r.nextInt(1000)
            + (r.nextBoolean() ? "." + r.nextInt(100000) : "")
            + (r.nextBoolean() ? "e" + (r.nextInt(60) - 30) : "");
      case 3:
        return randomString(r);
      case 4:
        return r.nextBoolean() ? "true" : (r.nextBoolean() ? "false" : "null");
      case 5:
        return "\"\"";
      case 6:
        return randomObject(r, depth);
      default:
        StringBuilder a = new StringBuilder("[");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.append(i > 0 ? "," : "").append(randomValue(r, depth + 1));
        }
        return a.append(']').toString();
    }
  }

  private static String randomString(Random r) {
    String[] parts = {
      "x",
      "hello world",
      "\\n",
      "\\t",
      "\\\"",
      "\\\\",
      "\\/",
      "\\u0007",
      "\\u00e9",
      "é",
      "€",
      "😀",
      "\\ud83d\\ude00",
      "\\u001F",
      "\\b\\f\\r",
      "\u007f",
      "\u2028"
    };
    StringBuilder b = new StringBuilder("\"");
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      b.append(parts[r.nextInt(parts.length)]);
    }
    return b.append('"').toString();
  }
}
