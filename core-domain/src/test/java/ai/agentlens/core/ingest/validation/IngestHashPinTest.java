package ai.agentlens.core.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.enrich.EventEnrichment;
import ai.agentlens.core.enrich.RedactionRules;
import ai.agentlens.core.event.CheckedEvent;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.event.HashChain;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hashes of one tricky request taken the whole ingest path (gateway parse and validation, LLM
 * pairing, truncation, masking, redaction, server cost, storage checks, chain), pinned. The
 * expected values were computed by the code of commit fff7529 (before the JSON rework).
 */
class IngestHashPinTest {

  static final String BODY =
      "{\"events\":["
          + "{\"id\":\"pin-1\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"session_started\",\"timestamp\":\"2025-03-04T05:06:07.123456+05:30\","
          + "\"payload\":{\"agentName\":\"Pinned Agent 😀\",\"tags\":[\"x\",\"y\"]},"
          + "\"metadata\":{\"verifiedAgentId\":\"forged\",\"z\":1,\"a\":1.10}},"
          + "{\"id\":\"pin-2\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"llm_call\",\"timestamp\":\"2025-03-04T00:00:01Z\","
          + "\"payload\":{\"callId\":\"c1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
          + "\"systemPrompt\":\"secret sys\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"my email is bob@example.com\"},{\"role\":\"user\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"part secret\"}]}],"
          + "\"parameters\":{\"temperature\":0.20,\"maxTokens\":512}}},"
          + "{\"id\":\"pin-3\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"llm_response\",\"timestamp\":\"2025-03-04T00:00:02Z\","
          + "\"payload\":{\"callId\":\"c1\",\"completion\":\"the answer is secret\","
          + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1234,\"outputTokens\":567,"
          + "\"totalTokens\":1801},\"latencyMs\":1.5e3}},"
          + "{\"id\":\"pin-4\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"cost_tracked\",\"timestamp\":\"2025-03-04T00:00:03Z\","
          + "\"payload\":{\"provider\":\"anthropic\",\"model\":\"claude-3-5-sonnet-20241022\","
          + "\"inputTokens\":1e3,\"outputTokens\":250,\"totalTokens\":1250}},"
          + "{\"id\":\"pin-5\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"custom\",\"severity\":\"warn\",\"timestamp\":\"2025-03-04T00:00:04Z\","
          + "\"payload\":{\"type\":\"t\",\"data\":{\"big\":12345678901234567890123,\"tiny\":5e-324,"
          + "\"neg0\":-0,\"exp\":1E+2,\"dec\":0.10,\"u\":\"\\u00e9\\ud83d\\ude00\\u2028\","
          + "\"ctl\":\"a\\u0001b\",\"esc\":\"q\\\"\\\\\\/\"},\"arr\":[[1,[2,[3]]],[]]},"
          + "\"metadata\":{\"b\":[true,false,null],\"a\":{}}},"
          + "{\"id\":\"pin-6\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"tool_call\",\"timestamp\":\"2025-03-04T00:00:05Z\","
          + "\"payload\":{\"toolName\":\"send_email\",\"callId\":\"t1\","
          + "\"arguments\":{\"to\":\"bob@example.com\",\"body\":\"SECRET plan\"}}},"
          + "{\"id\":\"pin-7\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"llm_response\",\"timestamp\":\"2025-03-04T00:00:06Z\","
          + "\"payload\":{\"callId\":\"c1\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\","
          + "\"completion\":null,\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":10,"
          + "\"outputTokens\":5,\"totalTokens\":15},\"costUsd\":0.0001,\"latencyMs\":120}},"
          + "{\"id\":\"pin-8\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"custom\",\"timestamp\":\"2025-03-04T00:00:07Z\","
          + "\"payload\":{\"type\":\"big\",\"data\":{\"n\":[1,2,0.5],\"blob\":\""
          + "secret ".repeat(1600)
          + "\"}}},"
          + "{\"id\":\"pin-9\",\"sessionId\":\"sess-é\",\"agentId\":\"agent-1\","
          + "\"eventType\":\"session_ended\",\"timestamp\":\"2025-03-04T00:00:08Z\","
          + "\"payload\":{\"reason\":\"completed\",\"totalDurationMs\":12.5e3}}"
          + "]}";

  private static final List<String> PLAIN =
      List.of(
          "30cce7165abf912b094cf0813a948ac481680fa45b19fb5715b7965c49d1a1a4",
          "2f20947cb15b1cba3d47af4ccbb128ae786d22f1f81a5f4ad627324ccdaa67d9",
          "5a26276f0cc7579323ba7b8240dedc356b7730abd0e838ddd7b5d52b610e9fbc",
          "b7bd9c0428af21068c975419f47a979990c8a254aad540c7750f8576387bcae3",
          "cb692ee43650cd89d97784aef2228cb436d77b39bc2ee48b73ba4efa9dd8d68f",
          "150f86bf4c2abb5f73f9f57f0f76757ef7a5a035f893caef3d4b1169144d588c",
          "0a2c8302e2c0623478f9f6350218241ca77050a575bbf346c2b813ec0a90e8c2",
          "6b903b93964afed67c93ed63bdea37245bc974edd8e5edb0ca768bd0ab45a748",
          "95eed0b999106f06ded0d323771a96057ae0731c5e6c5ad18d3bb5dad9971032");

  private static final List<String> MASKED_AND_REDACTED =
      List.of(
          "30cce7165abf912b094cf0813a948ac481680fa45b19fb5715b7965c49d1a1a4",
          "15a958f5ed1210420635d8558add1453121189c997a949c8ef8bbf49b1ac4156",
          "605dd2cb6485f98ad446466b718531f34e14409c4081477c3dbdb736972e3469",
          "6d4939760b5b868da26e869e335ee1eea2fad512a40836e5e09eb0f1517eb67b",
          "04a077e81f71382c244b0f945b1971c9565141ed35c2789b046f82b9a2cf1d89",
          "9258268a38358d7456e46d9f7dd54b973122c9184a27d6340d1f8ebc26e50125",
          "965bab0e7c2025f85be6d2cecc1a9762ebb761f3b18f2047a7ecd113e3e4f197",
          "eca2418c321301c4a7448173a75cc8672c33e32e95d0f8589fc43aba516596e2",
          "541e91f596295bfcdf4be6c90a92ab8ff0f51dee42341f8c347299e9817a0a76");

  private static List<String> hashes(OrgSettings settings) {
    AtomicInteger n = new AtomicInteger();
    List<Event> events =
        new IngestRequestParser(() -> "minted-" + n.incrementAndGet())
            .parse(
                BODY.getBytes(StandardCharsets.UTF_8),
                IngestRequestParser.Shape.EVENTS,
                "org",
                Instant.parse("2025-03-04T00:00:00Z"));
    RedactionRules rules = RedactionRules.compile(settings.redactionRules());
    List<CheckedEvent> checked = new ArrayList<>();
    for (Event e : events) {
      checked.add(EventRules.validate("org", EventEnrichment.apply(e, settings, rules)));
    }
    return HashChain.extendChecked(0, null, checked).stream().map(Event::hash).toList();
  }

  @Test
  void hashesWithoutMaskingOrRedactionAreThoseOfTheFormerCode() {
    assertThat(hashes(new OrgSettings(30, List.of(), false))).isEqualTo(PLAIN);
  }

  @Test
  void hashesWithMaskingAndRedactionAreThoseOfTheFormerCode() {
    assertThat(hashes(new OrgSettings(30, List.of("secret", "re:[a-z]+@example\\.com"), true)))
        .isEqualTo(MASKED_AND_REDACTED);
  }
}
