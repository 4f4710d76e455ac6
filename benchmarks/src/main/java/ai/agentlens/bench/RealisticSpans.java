package ai.agentlens.bench;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.SplittableRandom;

/**
 * Protobuf OTLP trace requests of GenAI agent runs, the OTLP twin of {@link RealisticEvents}: each
 * trace is five spans, {@code invoke_agent} → {@code chat}, {@code execute_tool}, {@code chat},
 * {@code execute_tool}, with models, token counts and short recorded messages, so 100 spans map to
 * 180 events (one custom, four pairs per trace).
 */
final class RealisticSpans {

  static final int EVENTS_PER_SPAN_NUMERATOR = 9;
  static final int SPANS_PER_TRACE = 5;
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4"};

  private final SplittableRandom random;
  private final String runId;

  RealisticSpans(long seed, String runId) {
    this.random = new SplittableRandom(seed);
    this.runId = runId;
  }

  /** One request of {@code size} spans (a multiple of 5) over {@code sessions} sessions. */
  byte[] request(int size, int sessions) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    scope.getScopeBuilder().setName("bench.genai").setVersion("1.0");
    long now = System.currentTimeMillis() * 1_000_000L;
    for (int t = 0; t < size / SPANS_PER_TRACE; t++) {
      byte[] trace = bytes(16);
      byte[] root = bytes(8);
      String session = "otlp-" + runId + "-s" + random.nextInt(sessions);
      scope.addSpans(
          span(trace, root, null, "invoke_agent support", now, now + 3_000_000_000L)
              .addAttributes(kv("gen_ai.operation.name", "invoke_agent"))
              .addAttributes(kv("gen_ai.agent.name", "agent-" + random.nextInt(20)))
              .addAttributes(kv("gen_ai.conversation.id", session)));
      for (int i = 0; i < 2; i++) {
        String model = MODELS[random.nextInt(MODELS.length)];
        scope.addSpans(
            span(trace, bytes(8), root, "chat " + model, now, now + 900_000_000L)
                .addAttributes(kv("gen_ai.operation.name", "chat"))
                .addAttributes(kv("gen_ai.provider.name", "openai"))
                .addAttributes(kv("gen_ai.request.model", model))
                .addAttributes(kv("gen_ai.usage.input_tokens", 200 + random.nextInt(2000)))
                .addAttributes(kv("gen_ai.usage.output_tokens", 20 + random.nextInt(500)))
                .addAttributes(
                    kv(
                        "gen_ai.input.messages",
                        "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\""
                            + "Where is my order 4711? It was due on Monday and has not arrived.\"}]}]"))
                .addAttributes(
                    kv(
                        "gen_ai.output.messages",
                        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\""
                            + "Let me look that up for you: checking the carrier status now.\"}],"
                            + "\"finish_reason\":\"stop\"}]")));
        scope.addSpans(
            span(trace, bytes(8), root, "execute_tool lookup_order", now, now + 50_000_000L)
                .addAttributes(kv("gen_ai.operation.name", "execute_tool"))
                .addAttributes(kv("gen_ai.tool.name", "lookup_order"))
                .addAttributes(kv("gen_ai.tool.call.arguments", "{\"orderId\":\"4711\"}"))
                .addAttributes(kv("gen_ai.tool.call.result", "{\"status\":\"in transit\"}")));
      }
    }
    Resource resource =
        Resource.newBuilder().addAttributes(kv("service.name", "bench-agents")).build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().setResource(resource).addScopeSpans(scope))
        .build()
        .toByteArray();
  }

  private Span.Builder span(
      byte[] trace, byte[] id, byte[] parent, String name, long start, long end) {
    Span.Builder b =
        Span.newBuilder()
            .setTraceId(ByteString.copyFrom(trace))
            .setSpanId(ByteString.copyFrom(id))
            .setName(name)
            .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
            .setStartTimeUnixNano(start)
            .setEndTimeUnixNano(end);
    if (parent != null) {
      b.setParentSpanId(ByteString.copyFrom(parent));
    }
    return b;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    b[0] |= 1; // why: an all-zero id is invalid and would be refused
    return b;
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static KeyValue kv(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }
}
