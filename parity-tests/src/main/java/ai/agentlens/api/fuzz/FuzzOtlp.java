package ai.agentlens.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile OTLP/HTTP trace requests for {@code POST /v1/traces}: JSON shaped
 * like an {@code ExportTraceServiceRequest} with fuzzed ids, times, kinds, statuses and GenAI /
 * OpenInference attributes of every value type (and of the wrong ones), and protobuf wire bytes
 * whose tags, wire types and lengths are random — nested messages, lengths past the end, varints
 * that never end.
 */
public final class FuzzOtlp {

  private FuzzOtlp() {}

  private static final List<String> KEYS =
      List.of(
          "gen_ai.operation.name",
          "gen_ai.system",
          "gen_ai.provider.name",
          "gen_ai.request.model",
          "gen_ai.response.model",
          "gen_ai.usage.input_tokens",
          "gen_ai.usage.output_tokens",
          "gen_ai.usage.prompt_tokens",
          "gen_ai.tool.name",
          "gen_ai.tool.call.id",
          "gen_ai.input.messages",
          "gen_ai.output.messages",
          "gen_ai.prompt",
          "gen_ai.completion",
          "openinference.span.kind",
          "llm.model_name",
          "llm.token_count.prompt",
          "session.id",
          "agentlens.session_id",
          "service.name");

  private static Arbitrary<String> anyValue() {
    Arbitrary<String> s = FuzzJson.string();
    Arbitrary<String> n = FuzzJson.number();
    return Arbitraries.frequencyOf(
        Tuple.of(4, s.map(v -> "{\"stringValue\":" + v + "}")),
        Tuple.of(
            2,
            Arbitraries.of("chat", "execute_tool", "LLM", "TOOL", "openai")
                .map(v -> "{\"stringValue\":\"" + v + "\"}")),
        Tuple.of(2, Arbitraries.oneOf(n, s).map(v -> "{\"intValue\":" + v + "}")),
        Tuple.of(1, n.map(v -> "{\"doubleValue\":" + v + "}")),
        Tuple.of(1, Arbitraries.of("true", "1", "\"x\"").map(v -> "{\"boolValue\":" + v + "}")),
        Tuple.of(
            1,
            s.list()
                .ofMaxSize(3)
                .map(
                    l ->
                        "{\"arrayValue\":{\"values\":["
                            + String.join(
                                ",", l.stream().map(v -> "{\"stringValue\":" + v + "}").toList())
                            + "]}}")),
        Tuple.of(1, FuzzJson.value(2)));
  }

  private static Arbitrary<String> attributes() {
    Arbitrary<String> key =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(KEYS).map(k -> "\"" + k + "\"")),
            Tuple.of(1, FuzzJson.string()));
    return Combinators.combine(key, anyValue())
        .as((k, v) -> "{\"key\":" + k + ",\"value\":" + v + "}")
        .list()
        .ofMaxSize(6)
        .map(l -> "[" + String.join(",", l) + "]");
  }

  private static Arbitrary<String> id(int hexChars) {
    return Arbitraries.frequencyOf(
        Tuple.of(
            5,
            Arbitraries.strings()
                .withChars("0123456789abcdef")
                .ofLength(hexChars)
                .map(h -> "\"" + h + "\"")),
        Tuple.of(
            1, Arbitraries.of("\"\"", "\"" + "0".repeat(hexChars) + "\"", "\"zz\"", "null", "42")),
        Tuple.of(1, FuzzJson.string()));
  }

  private static Arbitrary<String> time() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            4,
            Arbitraries.of(
                "\"1764770000000000000\"", "\"1764770001500000000\"", "1764770000000000000")),
        Tuple.of(
            1,
            Arbitraries.of(
                "\"0\"",
                "\"-1\"",
                "\"18446744073709551615\"",
                "\"99999999999999999999999\"",
                "\"x\"",
                "null")),
        Tuple.of(1, FuzzJson.number()));
  }

  private static Arbitrary<String> span() {
    Arbitrary<String> head =
        Combinators.combine(
                id(32),
                id(16),
                id(16),
                FuzzJson.string(),
                Arbitraries.of("0", "1", "3", "5", "\"SPAN_KIND_CLIENT\"", "99", "-1"))
            .as(
                (t, s, p, name, kind) ->
                    "\"traceId\":"
                        + t
                        + ",\"spanId\":"
                        + s
                        + ",\"parentSpanId\":"
                        + p
                        + ",\"name\":"
                        + name
                        + ",\"kind\":"
                        + kind);
    Arbitrary<String> tail =
        Combinators.combine(
                time(),
                time(),
                attributes(),
                Arbitraries.of("0", "1", "2", "7", "\"STATUS_CODE_ERROR\""),
                FuzzJson.string())
            .as(
                (st, en, attrs, code, msg) ->
                    ",\"startTimeUnixNano\":"
                        + st
                        + ",\"endTimeUnixNano\":"
                        + en
                        + ",\"attributes\":"
                        + attrs
                        + ",\"status\":{\"code\":"
                        + code
                        + ",\"message\":"
                        + msg
                        + "}");
    return Combinators.combine(head, tail).as((h, t) -> "{" + h + t + "}");
  }

  /**
   * A JSON trace request: mostly well-shaped with fuzzed members, sometimes any JSON, deep nesting
   * or damaged bytes.
   *
   * @return the arbitrary
   */
  public static Arbitrary<byte[]> json() {
    Arbitrary<String> request =
        Combinators.combine(attributes(), span().list().ofMaxSize(4))
            .as(
                (res, spans) ->
                    "{\"resourceSpans\":[{\"resource\":{\"attributes\":"
                        + res
                        + "},\"scopeSpans\":[{\"scope\":{\"name\":\"fuzz\"},\"spans\":["
                        + String.join(",", spans)
                        + "]}]}]}");
    Arbitrary<String> text =
        Arbitraries.frequencyOf(
            Tuple.of(12, request),
            Tuple.of(2, FuzzJson.value(2)),
            Tuple.of(1, FuzzJson.deep()),
            Tuple.of(
                1,
                Arbitraries.of(
                    "",
                    "{}",
                    "{\"resourceSpans\":null}",
                    "{\"resourceSpans\":[{}]}",
                    "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{}]}]}]}")));
    return text.flatMap(
        t ->
            Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(t.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, FuzzJson.damaged(t))));
  }

  /**
   * Protobuf wire bytes: random fields (tags 1–20, every wire type, nested messages three deep),
   * lengths that overrun, unterminated varints, or plain random bytes.
   *
   * @return the arbitrary
   */
  public static Arbitrary<byte[]> protobuf() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.longs().map(FuzzOtlp::message)),
        Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(512)),
        Tuple.of(
            1,
            Arbitraries.of(
                new byte[0],
                new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
                new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80})));
  }

  private static byte[] message(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, random, 3);
    return out.toByteArray();
  }

  private static void write(
      ByteArrayOutputStream out, java.util.SplittableRandom random, int depth) {
    int fields = random.nextInt(1, 6);
    for (int i = 0; i < fields; i++) {
      int wire = random.nextInt(6) == 0 ? random.nextInt(8) : (depth > 0 ? 2 : random.nextInt(3));
      varint(out, ((long) random.nextInt(1, 21) << 3) | wire);
      switch (wire) {
        case 0 -> varint(out, random.nextLong());
        case 1 -> out.writeBytes(new byte[8]);
        case 5 -> out.writeBytes(new byte[4]);
        case 2 -> {
          ByteArrayOutputStream inner = new ByteArrayOutputStream();
          if (depth > 0 && random.nextInt(3) > 0) {
            write(inner, random, depth - 1);
          } else {
            byte[] text = new byte[random.nextInt(0, 40)];
            random.nextBytes(text);
            inner.writeBytes(text);
          }
          int length = inner.size();
          // why: one length in ten lies (past the end, or far beyond the body)
          int told = random.nextInt(10) == 0 ? length + random.nextInt(1, 1 << 20) : length;
          varint(out, told);
          out.writeBytes(inner.toByteArray());
        }
        default -> varint(out, random.nextInt());
      }
    }
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
