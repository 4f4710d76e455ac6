package ai.agentlens.core.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.ingest.validation.IngestRequestParser.Shape;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway and the store agree on what is valid: input every storage backend refuses (NUL,
 * control characters in ids, lone surrogates, blank ids, out-of-range timestamps, oversized
 * metadata) is a 400 problem at parse time, and whatever the parser accepts passes the store's own
 * {@link EventRules#validate} — so the worker never meets input it cannot store.
 */
class PoisonInputTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final AtomicInteger minted = new AtomicInteger();
  private final IngestRequestParser parser =
      new IngestRequestParser(() -> "MINTED" + minted.incrementAndGet());

  private static String event(String sessionId, String agentId, String extra, String query) {
    return "{\"sessionId\":\""
        + sessionId
        + "\",\"agentId\":\""
        + agentId
        + "\",\"eventType\":\"tool_call\""
        + extra
        + ",\"payload\":{\"toolName\":\"search\",\"callId\":\"c1\",\"arguments\":{\"q\":\""
        + query
        + "\"}}}";
  }

  private List<Event> parse(String body) {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8), Shape.EVENTS, "org_1", NOW);
  }

  private List<Problem> problems(String body) {
    return catchThrowableOfType(IngestValidationException.class, () -> parse(body)).problems();
  }

  @Test
  void controlCharactersInSessionAndAgentIdsAreRefused() {
    for (String bad : List.of("a\\u0001b", "tab\\there", "nl\\n", "del\\u007f", "c1\\u0085")) {
      assertThat(problems("{\"events\":[" + event(bad, "a", "", "x") + "]}"))
          .as(bad)
          .containsExactly(
              new Problem("events.0.sessionId", "must not contain control characters"));
      assertThat(problems(event("s", bad, "", "x")))
          .as(bad)
          .containsExactly(new Problem("agentId", "must not contain control characters"));
    }
  }

  @Test
  void loneSurrogatesAreRefusedInIdsAndInEveryStringOfPayloadAndMetadata() {
    String message = "must not contain a lone surrogate (invalid Unicode)";
    assertThat(problems(event("fz\\ud800", "a", "", "x")))
        .containsExactly(new Problem("sessionId", message));
    assertThat(problems(event("s", "\\udc00z", "", "x")))
        .containsExactly(new Problem("agentId", message));
    assertThat(problems(event("s", "a", "", "x\\ud83d")))
        .containsExactly(new Problem("payload", message));
    assertThat(problems(event("s", "a", ",\"metadata\":{\"k\":[\"\\udfff\"]}", "x")))
        .containsExactly(new Problem("metadata", message));
    // why: in a member name the JSON parser itself refuses the surrogate, so the body is not JSON
    assertThat(problems(event("s", "a", ",\"metadata\":{\"\\udfff\":1}", "x")))
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("surrogate");
    List<Event> pair = parse(event("s\\ud83d\\ude00", "a", "", "ok \\ud83d\\ude00 😀"));
    assertThat(pair.get(0).sessionId()).isEqualTo("s😀");
    assertThatCode(() -> EventRules.validate("org_1", pair.get(0))).doesNotThrowAnyException();
  }

  @Test
  void nulInAnIdOrBlankIdsAreRefused() {
    assertThat(problems(event("a\\u0000b", "a", "", "x")))
        .containsExactly(new Problem("sessionId", "must not contain control characters"));
    assertThat(problems(event("  ", "a", "", "x")))
        .containsExactly(new Problem("sessionId", "must not be blank"));
  }

  @Test
  void timestampsOutsideTheStoresRangeAreRefused() {
    for (String t :
        List.of("1969-12-31T23:59:59Z", "9999-06-01T00:00:00Z", "+10000-01-01T00:00Z")) {
      assertThat(problems(event("s", "a", ",\"timestamp\":\"" + t + "\"", "x")))
          .as(t)
          .extracting(Problem::path)
          .containsExactly("timestamp");
    }
    assertThat(parse(event("s", "a", ",\"timestamp\":\"1970-01-01T00:00:00Z\"", "x"))).hasSize(1);
  }

  @Test
  void metadataLargerThanTheStoreTakesIsRefused() {
    String big = "m".repeat(EventRules.MAX_METADATA_BYTES);
    assertThat(problems(event("s", "a", ",\"metadata\":{\"k\":\"" + big + "\"}", "x")))
        .containsExactly(
            new Problem(
                "metadata", "must be at most " + EventRules.MAX_METADATA_BYTES + " bytes of JSON"));
  }

  /** Seeded, so a failure replays: random tricky strings in every field the store checks. */
  @Test
  void whateverTheParserAcceptsTheStoreAccepts() {
    Random random = new Random(19);
    String[] atoms = {
      "a", " ", "\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\u0085", "\\ud800", "\\udc00",
      "\\ud83d\\ude00", "😀", "é", "\\\\", "\\\"", "\\n", "\\u2028", "\\ufeff", "\\uffff"
    };
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      List<String> parts = new ArrayList<>();
      for (int f = 0; f < 4; f++) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(4);
        for (int k = 0; k < n; k++) {
          s.append(atoms[random.nextInt(atoms.length)]);
        }
        parts.add(s.toString());
      }
      String extra = ",\"metadata\":{\"" + parts.get(2) + "\":true}";
      String body = event(parts.get(0), parts.get(1), extra, parts.get(3));
      List<Event> events;
      try {
        events = parse(body);
      } catch (IngestValidationException refused) {
        assertThat(refused.problems()).as(body).isNotEmpty();
        continue;
      }
      accepted++;
      for (Event e : events) {
        assertThatCode(() -> EventRules.validate("org_1", e)).as(body).doesNotThrowAnyException();
      }
    }
    assertThat(accepted)
        .as("some bodies are accepted, so the check is not vacuous")
        .isGreaterThan(50);
  }
}
