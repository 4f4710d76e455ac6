package ai.agentlens.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies for the fuzz suite: SDK-shaped ingest bodies whose every field may be missing, of
 * the wrong type or hostile; whole-body oddities (deep nesting, a bare value, duplicate {@code
 * events}, boundary event counts, a body just over 1 MiB); management bodies with the fields those
 * APIs read; and byte-level damage of any of them.
 */
public final class FuzzBodies {

  private FuzzBodies() {}

  private static final List<String> TYPES =
      List.of(
          "tool_call",
          "llm_call",
          "llm_response",
          "custom",
          "session_started",
          "error",
          "cost_tracked",
          "retrieval",
          "TOOL_CALL",
          "");

  private static final String TOOL_PAYLOAD =
      "{\"toolName\":\"search\",\"callId\":\"c1\",\"arguments\":{\"q\":\"x\"}}";

  /** One field: usually valid, sometimes any JSON value, sometimes absent ({@code null}). */
  private static Arbitrary<String> field(Arbitrary<String> valid) {
    return Arbitraries.frequencyOf(
        Tuple.of(12, valid),
        Tuple.of(2, FuzzJson.value(1)),
        Tuple.of(1, FuzzJson.string()),
        Tuple.of(1, Arbitraries.just((String) null)));
  }

  /**
   * One event object.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> event() {
    Arbitrary<String> payload =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(TOOL_PAYLOAD)),
            Tuple.of(
                3,
                FuzzJson.object(
                    2,
                    List.of(
                        "toolName",
                        "callId",
                        "arguments",
                        "provider",
                        "model",
                        "messages",
                        "usage",
                        "name",
                        "data"))),
            Tuple.of(1, FuzzJson.value(2)));
    List<Arbitrary<String>> parts = new ArrayList<>();
    parts.add(field(Arbitraries.of("\"s1\"", "\"s-2\"")).map(v -> member("sessionId", v)));
    parts.add(field(Arbitraries.just("\"agent-1\"")).map(v -> member("agentId", v)));
    parts.add(
        field(Arbitraries.of(TYPES).map(t -> "\"" + t + "\"")).map(v -> member("eventType", v)));
    parts.add(field(payload).map(v -> member("payload", v)));
    parts.add(
        field(FuzzJson.object(2, List.of("k", "verifiedAgentId"))).map(v -> member("metadata", v)));
    parts.add(
        field(
                Arbitraries.of(
                    "\"2026-11-22T10:00:00Z\"",
                    "\"2026-11-22T10:00:00.000+01:00\"",
                    "\"1969-01-01T00:00:00Z\"",
                    "\"9999-12-31T23:59:59Z\"",
                    "\"+10000-01-01T00:00:00Z\"",
                    "\"yesterday\""))
            .map(v -> member("timestamp", v)));
    parts.add(
        field(Arbitraries.of("\"info\"", "\"error\"", "\"fatal\""))
            .map(v -> member("severity", v)));
    parts.add(
        field(Arbitraries.of("\"id-1\"", "\"a:b.c_d-e\"", "\"" + "i".repeat(65) + "\""))
            .map(v -> member("id", v)));
    parts.add(
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just((String) null)),
            Tuple.of(1, FuzzJson.value(1).map(v -> member("unknownField", v))),
            Tuple.of(1, Arbitraries.just("\"sessionId\":\"dup\""))));
    return Combinators.combine(parts)
        .as(
            members ->
                "{" + String.join(",", members.stream().filter(m -> m != null).toList()) + "}");
  }

  private static String member(String name, String value) {
    return value == null ? null : "\"" + name + "\":" + value;
  }

  /**
   * An ingest body: mostly {@code {"events":[…]}} of a few fuzzed events, plus every kind of
   * whole-body oddity, then, one time in five, damaged bytes.
   *
   * @return the arbitrary
   */
  public static Arbitrary<byte[]> ingest() {
    Arbitrary<String> events = event().list().ofMinSize(0).ofMaxSize(4).map(FuzzBodies::wrap);
    Arbitrary<String> counts =
        Combinators.combine(event(), Arbitraries.of(0, 1, 100, 101, 1000, 1001))
            .as((e, n) -> wrap(java.util.Collections.nCopies(n, e)));
    // why: the weights keep the costly bodies (1,000 events, 1 MiB) to a few dozen a run, so the
    // suite spends its time on many small hostile bodies
    Arbitrary<String> text =
        Arbitraries.frequencyOf(
            Tuple.of(60, events),
            Tuple.of(10, event()),
            Tuple.of(1, counts),
            Tuple.of(2, FuzzJson.deep()),
            Tuple.of(
                2,
                FuzzJson.deep()
                    .map(
                        d ->
                            "{\"events\":[{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\",\"payload\":{\"d\":"
                                + d
                                + "}}]}")),
            Tuple.of(4, FuzzJson.value(2)),
            Tuple.of(2, event().map(e -> "{\"events\":[" + e + "],\"events\":[]}")),
            Tuple.of(2, Arbitraries.of("", " ", "null", "{}", "[]", "{\"events\":null}")),
            Tuple.of(1, Arbitraries.of(1_048_576, 1_048_577).map(FuzzBodies::ofSize)));
    return damagedSometimes(text);
  }

  /**
   * A management body: an object of the fields account and org APIs read, fuzzed, or any JSON.
   *
   * @return the arbitrary
   */
  public static Arbitrary<byte[]> management() {
    List<String> names =
        List.of(
            "email",
            "password",
            "displayName",
            "name",
            "token",
            "role",
            "environment",
            "orgId",
            "userId",
            "newPassword",
            "currentPassword",
            "retentionDays",
            "promptMasking",
            "redactionRules",
            "rateLimitOverride",
            "expiresAt",
            "pattern");
    Arbitrary<String> text =
        Arbitraries.frequencyOf(
            Tuple.of(8, FuzzJson.object(2, names)),
            Tuple.of(2, FuzzJson.value(2)),
            Tuple.of(1, FuzzJson.deep()),
            Tuple.of(
                1,
                Arbitraries.of(
                    "", "{}", "[]", "null", "{\"email\":\"a@b.c\",\"email\":\"d@e.f\"}")));
    return damagedSometimes(text);
  }

  private static Arbitrary<byte[]> damagedSometimes(Arbitrary<String> text) {
    return text.flatMap(
        t ->
            Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(t.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, FuzzJson.damaged(t))));
  }

  private static String wrap(List<String> events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  private static String ofSize(int bytes) {
    String head =
        "{\"events\":[{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\",\"payload\":{\"p\":\"";
    String tail = "\"}}]}";
    return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
  }
}
