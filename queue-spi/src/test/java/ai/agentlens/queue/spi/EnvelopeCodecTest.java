package ai.agentlens.queue.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

  static Envelope sample(String apiKeyId) {
    Event plain =
        Event.unwritten(
            "01J0000000000000000000000A",
            "org-1",
            "session-ü",
            "agent 🤖",
            EventType.LLM_CALL,
            Severity.WARN,
            Instant.parse("1969-12-31T23:59:59.999999Z"),
            "{\"model\":\"gpt-4o\",\"prompt\":\"Grüße, 世界\"}",
            "{}");
    Event chained =
        Event.unwritten(
                "client-id-2",
                "org-1",
                "s",
                "a",
                EventType.CUSTOM,
                Severity.CRITICAL,
                Instant.parse("2025-06-01T12:00:00.123456Z"),
                "{}",
                "{\"k\":1}")
            .chained(7, "a".repeat(64), "b".repeat(64));
    return new Envelope(
        "01J00000000000000000000ENV",
        "org-1",
        apiKeyId,
        Instant.parse("2025-06-01T12:00:01Z"),
        List.of(plain, chained));
  }

  @Test
  void roundTripsEveryField() throws Exception {
    for (String key : Arrays.asList("key-1", null)) {
      Envelope env = sample(key);
      assertThat(EnvelopeCodec.decode(EnvelopeCodec.encode(env))).isEqualTo(env);
    }
  }

  @Test
  void payloadsTravelAsTheirTextsAndAreParsedOnlyWhenTheWorkerNeedsThem() throws Exception {
    Envelope env = sample("k");
    env.events().get(0).payload().tree();
    Envelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(env));
    Event e = decoded.events().get(0);
    assertThat(e.payload().isParsed()).isFalse();
    assertThat(e.payload().text()).isEqualTo("{\"model\":\"gpt-4o\",\"prompt\":\"Grüße, 世界\"}");
    assertThat(e.payload().tree()).isEqualTo(env.events().get(0).payload().tree());
  }

  @Test
  void startsWithTheVersionByte() {
    assertThat(EnvelopeCodec.encode(sample("k"))[0]).isEqualTo(EnvelopeCodec.CURRENT_VERSION);
  }

  @Test
  void unknownVersionsAreRejected() {
    byte[] bytes = EnvelopeCodec.encode(sample("k"));
    bytes[0] = 2;
    assertThatThrownBy(() -> EnvelopeCodec.decode(bytes))
        .isInstanceOf(EnvelopeDecodingException.class)
        .hasMessageContaining("version 2");
  }

  @Test
  void anyFlippedByteIsCaughtByTheChecksum() {
    byte[] good = EnvelopeCodec.encode(sample("k"));
    for (int i = 1; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x40;
      assertThatThrownBy(() -> EnvelopeCodec.decode(bad))
          .isInstanceOf(EnvelopeDecodingException.class);
    }
  }

  @Test
  void truncationAndGarbageAreDecodingErrorsNeverCrashes() {
    byte[] good = EnvelopeCodec.encode(sample("k"));
    for (int len = 0; len < good.length; len += 7) {
      byte[] cut = Arrays.copyOf(good, len);
      assertThatThrownBy(() -> EnvelopeCodec.decode(cut))
          .isInstanceOf(EnvelopeDecodingException.class);
    }
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      byte[] garbage = new byte[random.nextInt(300)];
      random.nextBytes(garbage);
      if (garbage.length > 0) {
        garbage[0] = EnvelopeCodec.CURRENT_VERSION;
      }
      assertThatThrownBy(() -> EnvelopeCodec.decode(garbage))
          .isInstanceOf(EnvelopeDecodingException.class);
    }
    assertThatThrownBy(() -> EnvelopeCodec.decode(null))
        .isInstanceOf(EnvelopeDecodingException.class);
  }

  @Test
  void validChecksumOverInvalidContentIsStillADecodingError() {
    // a well-formed frame whose event type is unknown: what a newer producer could write
    byte[] good = EnvelopeCodec.encode(sample("k"));
    String text = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] body =
        text.substring(0, text.length() - 4)
            .replace("LLM_CALL", "LLM_CALX")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(body);
    byte[] framed =
        java.nio.ByteBuffer.allocate(body.length + 4)
            .put(body)
            .putInt((int) crc.getValue())
            .array();
    assertThatThrownBy(() -> EnvelopeCodec.decode(framed))
        .isInstanceOf(EnvelopeDecodingException.class)
        .hasMessageContaining("LLM_CALX");
  }
}
