package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * OTLP/HTTP traces at {@code /v1/traces} (docs/otel.md), driven by the real OpenTelemetry Java SDK
 * over HTTP/protobuf (gzip) and HTTP/JSON, and by hand-made bodies for what no SDK sends: GenAI
 * spans become events with their session and LLM analytics; malformed bodies are 400, oversized
 * 413, missing or wrong keys 401, limits 429 with {@code Retry-After}; another org sees nothing.
 * Each launcher runs it through a subclass in its own {@code src/test}.
 */
public abstract class OtlpApiContract extends LauncherApiSuite {

  private static final String PROTOBUF = "application/x-protobuf";

  /** Records an agent run: invoke_agent → chat (GenAI attributes) and execute_tool; flushes. */
  private static String[] agentRun(SpanExporter sdkExporter, String conversation) {
    OtlpExporters.Recording exporter = new OtlpExporters.Recording(sdkExporter);
    try (SdkTracerProvider provider = OtlpExporters.provider(exporter, "otel-test-service")) {
      Tracer tracer = provider.get("ai.agentlens.test");
      Span agent =
          tracer
              .spanBuilder("invoke_agent travel-agent")
              .setAttribute("gen_ai.operation.name", "invoke_agent")
              .setAttribute("gen_ai.agent.name", "travel-agent")
              .setAttribute("gen_ai.conversation.id", conversation)
              .startSpan();
      Span chat;
      try (Scope ignored = agent.makeCurrent()) {
        chat =
            tracer
                .spanBuilder("chat gpt-4o")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.provider.name", "openai")
                .setAttribute("gen_ai.request.model", "gpt-4o")
                .setAttribute("gen_ai.usage.input_tokens", 1000L)
                .setAttribute("gen_ai.usage.output_tokens", 200L)
                .setAttribute(
                    AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
                .setAttribute(
                    "gen_ai.input.messages",
                    "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Paris?\"}]}]")
                .setAttribute(
                    "gen_ai.output.messages",
                    "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Sunny\"}]}]")
                .setAttribute("app.request.id", "r-1")
                .startSpan();
        chat.end();
        Span tool =
            tracer
                .spanBuilder("execute_tool get_weather")
                .setAttribute("gen_ai.operation.name", "execute_tool")
                .setAttribute("gen_ai.tool.name", "get_weather")
                .setAttribute("gen_ai.tool.call.arguments", "{\"city\":\"Paris\"}")
                .startSpan();
        tool.setStatus(StatusCode.ERROR, "weather service down");
        tool.end();
      }
      agent.end();
      provider.forceFlush().join(20, TimeUnit.SECONDS);
      assertThat(exporter.lastSucceeded()).as("the exporter got a 2xx").isTrue();
      return new String[] {chat.getSpanContext().getTraceId(), chat.getSpanContext().getSpanId()};
    }
  }

  private Api.Reply awaitSession(String session, String key, int events)
      throws InterruptedException {
    return api.await(
        "/api/sessions/" + session,
        key,
        r -> r.status() == 200 && r.json().get("eventCount").asInt() == events,
        Duration.ofSeconds(10));
  }

  @Test
  void protobufGzipExportOfGenAiSpansBecomesEventsASessionAndLlmAnalytics() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String conversation = "conv-" + UUID.randomUUID();
    String[] ids =
        agentRun(
            OtlpExporters.protobuf(stack.url(), Map.of("Authorization", "Bearer " + t.key()), true),
            conversation);

    JsonNode session = awaitSession(conversation, t.key(), 5).json();
    assertThat(session.get("eventCount").asInt()).isEqualTo(5);
    assertThat(session.get("agentId").asText()).isEqualTo("travel-agent");
    assertThat(session.get("llmCallCount").asInt()).isEqualTo(1);
    assertThat(session.get("toolCallCount").asInt()).isEqualTo(1);
    assertThat(session.get("errorCount").asInt()).isEqualTo(1);
    assertThat(session.get("totalInputTokens").asLong()).isEqualTo(1000);
    assertThat(session.get("totalOutputTokens").asLong()).isEqualTo(200);

    JsonNode events =
        api.get("/api/events?sessionId=" + conversation + "&limit=50", t.key())
            .json()
            .get("events");
    assertThat(events)
        .extracting(e -> e.get("eventType").asText())
        .containsExactlyInAnyOrder("custom", "llm_call", "llm_response", "tool_call", "tool_error");
    JsonNode response = api.get("/api/events/" + ids[0] + "-" + ids[1] + "-r", t.key()).json();
    assertThat(response.get("eventType").asText()).isEqualTo("llm_response");
    assertThat(response.at("/payload/provider").asText()).isEqualTo("openai");
    assertThat(response.at("/payload/completion").asText()).isEqualTo("Sunny");
    assertThat(response.at("/payload/usage/inputTokens").asLong()).isEqualTo(1000);
    assertThat(response.at("/payload/costUsd").asDouble()).as("priced by the server").isPositive();
    assertThat(response.at("/metadata/otel/traceId").asText()).isEqualTo(ids[0]);
    assertThat(response.at("/metadata/otel/attributes/app.request.id").asText()).isEqualTo("r-1");
    JsonNode call = api.get("/api/events/" + ids[0] + "-" + ids[1] + "-c", t.key()).json();
    assertThat(call.at("/payload/messages/0/content").asText()).isEqualTo("Paris?");

    Instant now = Instant.now();
    JsonNode llm =
        api.get(
                "/api/analytics/llm?from="
                    + now.minus(Duration.ofHours(2))
                    + "&to="
                    + now.plus(Duration.ofHours(2)),
                t.key())
            .json();
    assertThat(llm.at("/summary/totalCalls").asLong()).isEqualTo(1);
    assertThat(llm.at("/summary/totalInputTokens").asLong()).isEqualTo(1000);
    assertThat(llm.at("/byModel/0/model").asText()).isEqualTo("gpt-4o");

    JsonNode timeline = api.get("/api/sessions/" + conversation + "/timeline", t.key()).json();
    assertThat(timeline.get("chainValid").asBoolean()).isTrue();
  }

  @Test
  void jsonExportWithTheKeyInXApiKeyKeepsHexIdsAndAnotherOrgSeesNothing() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    Tenant other = tenants.create(Plan.PRO, null);
    String conversation = "conv-" + UUID.randomUUID();
    String[] ids =
        agentRun(OtlpExporters.json(stack.url(), Map.of("x-api-key", t.key())), conversation);

    assertThat(awaitSession(conversation, t.key(), 5).status()).isEqualTo(200);
    String callId = ids[0] + "-" + ids[1] + "-c";
    JsonNode call = api.get("/api/events/" + callId, t.key()).json();
    assertThat(call.at("/metadata/otel/spanId").asText()).isEqualTo(ids[1]);
    assertThat(call.at("/payload/model").asText()).isEqualTo("gpt-4o");

    assertThat(api.get("/api/events/" + callId, other.key()).status()).isEqualTo(404);
    assertThat(api.get("/api/sessions/" + conversation, other.key()).status()).isEqualTo(404);
    assertThat(api.get("/api/events", other.key()).json().get("total").asInt()).isZero();
    Instant now = Instant.now();
    String range =
        "?from=" + now.minus(Duration.ofHours(2)) + "&to=" + now.plus(Duration.ofHours(2));
    assertThat(
            api.get("/api/analytics/llm" + range, other.key())
                .json()
                .at("/summary/totalCalls")
                .asLong())
        .isZero();
  }

  @Test
  void malformedBodiesAre400WithAStatusNever500() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    Map<String, String> key = Map.of("Authorization", "Bearer " + t.key());
    HttpResponse<byte[]> proto =
        OtlpHttp.post(stack.url(), PROTOBUF, key, new byte[] {(byte) 0xff, (byte) 0xff, 0x01});
    assertThat(proto.statusCode()).isEqualTo(400);
    assertThat(proto.headers().firstValue("Content-Type").orElse("")).startsWith(PROTOBUF);
    CodedInputStream status = CodedInputStream.newInstance(proto.body());
    assertThat(status.readTag()).isEqualTo(8);
    assertThat(status.readInt32()).as("INVALID_ARGUMENT").isEqualTo(3);
    assertThat(status.readTag()).isEqualTo(18);
    assertThat(status.readString()).contains("Malformed");

    for (String body : List.of("{\"resourceSpans\":[", "{\"resourceSpans\":5}", "[]")) {
      HttpResponse<byte[]> json =
          OtlpHttp.post(stack.url(), "application/json", key, body.getBytes());
      assertThat(json.statusCode()).as(body).isEqualTo(400);
      JsonNode error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body());
      assertThat(error.get("status").asInt()).isEqualTo(400);
      assertThat(error.get("error").asText()).contains("Malformed");
    }
    Map<String, String> gzipped =
        Map.of("Authorization", "Bearer " + t.key(), "Content-Encoding", "gzip");
    assertThat(OtlpHttp.post(stack.url(), PROTOBUF, gzipped, "not gzip".getBytes()).statusCode())
        .isEqualTo(400);
    assertThat(OtlpHttp.post(stack.url(), PROTOBUF, key, new byte[0]).statusCode()).isEqualTo(400);
    assertThat(OtlpHttp.post(stack.url(), "text/plain", key, "x".getBytes()).statusCode())
        .isEqualTo(415);
  }

  @Test
  void oversizedBodiesAre413EvenWhenTheyOnlyInflateTooLarge() {
    Tenant t = tenants.create(Plan.PRO, null);
    byte[] big = new byte[1_100_000];
    HttpResponse<byte[]> plain =
        OtlpHttp.post(stack.url(), PROTOBUF, Map.of("Authorization", "Bearer " + t.key()), big);
    assertThat(plain.statusCode()).isEqualTo(413);
    byte[] bomb = OtlpHttp.gzip(new byte[5_000_000]);
    assertThat(bomb.length).isLessThan(100_000);
    HttpResponse<byte[]> inflated =
        OtlpHttp.post(
            stack.url(),
            PROTOBUF,
            Map.of("Authorization", "Bearer " + t.key(), "Content-Encoding", "gzip"),
            bomb);
    assertThat(inflated.statusCode()).isEqualTo(413);
  }

  @Test
  void missingOrWrongKeysAre401() {
    byte[] empty = "{}".getBytes();
    HttpResponse<byte[]> missing = OtlpHttp.post(stack.url(), "application/json", Map.of(), empty);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(new String(missing.body())).contains("Authentication required");
    assertThat(
            OtlpHttp.post(
                    stack.url(),
                    "application/json",
                    Map.of("x-api-key", "al_live_" + "x".repeat(32)),
                    empty)
                .statusCode())
        .isEqualTo(401);
    OtlpExporters.Recording wrong =
        new OtlpExporters.Recording(
            OtlpExporters.protobuf(
                stack.url(), Map.of("Authorization", "Bearer al_live_" + "y".repeat(32)), false));
    try (SdkTracerProvider provider = OtlpExporters.provider(wrong, "s")) {
      provider.get("t").spanBuilder("x").startSpan().end();
      provider.forceFlush().join(20, TimeUnit.SECONDS);
      assertThat(wrong.lastSucceeded()).as("the SDK sees the 401 as a failed export").isFalse();
    }
  }

  private static ExportTraceServiceRequest spans(String session, String... spanIds) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    byte[] trace = HexFormat.of().parseHex(UUID.randomUUID().toString().replace("-", ""));
    long now = System.currentTimeMillis() * 1_000_000L;
    for (String id : spanIds) {
      scope.addSpans(
          io.opentelemetry.proto.trace.v1.Span.newBuilder()
              .setTraceId(ByteString.copyFrom(trace))
              .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(id)))
              .setName("step")
              .setStartTimeUnixNano(now)
              .setEndTimeUnixNano(now + 1_000_000)
              .addAttributes(
                  io.opentelemetry.proto.common.v1.KeyValue.newBuilder()
                      .setKey("session.id")
                      .setValue(
                          io.opentelemetry.proto.common.v1.AnyValue.newBuilder()
                              .setStringValue(session))));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
        .build();
  }

  @Test
  void unmappableSpansArePartialSuccessAndARetryStoresNothingTwice() throws Exception {
    Tenant t = tenants.create(Plan.PRO, null);
    String session = "s-" + UUID.randomUUID();
    byte[] body = spans(session, "0102030405060708", "", "1112131415161718").toByteArray();
    Map<String, String> key = Map.of("Authorization", "Bearer " + t.key());
    HttpResponse<byte[]> first = OtlpHttp.post(stack.url(), PROTOBUF, key, body);
    assertThat(first.statusCode()).isEqualTo(200);
    ExportTraceServiceResponse parsed = ExportTraceServiceResponse.parseFrom(first.body());
    assertThat(parsed.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(parsed.getPartialSuccess().getErrorMessage()).contains("span id");
    assertThat(OtlpHttp.post(stack.url(), PROTOBUF, key, body).statusCode()).isEqualTo(200);
    assertThat(awaitSession(session, t.key(), 2).status()).isEqualTo(200);
    Thread.sleep(300);
    assertThat(api.get("/api/sessions/" + session, t.key()).json().get("eventCount").asInt())
        .isEqualTo(2);
  }

  @Test
  void overTheKeyRateLimitIs429WithRetryAfter() {
    Tenant t = tenants.create(Plan.PRO, 3);
    Map<String, String> key = Map.of("x-api-key", t.key());
    byte[] two = spans("s-rl", "2122232425262728", "3132333435363738").toByteArray();
    assertThat(OtlpHttp.post(stack.url(), PROTOBUF, key, two).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> limited = OtlpHttp.post(stack.url(), PROTOBUF, key, two);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0")))
        .isBetween(1L, 60L);
  }

  @Test
  void overTheQueueDepthThresholdIs503WithRetryAfter() {
    try (TestStack busy = start(Map.of("agentlens.ingest.max-queue-depth", "-1"))) {
      Tenant t = new Tenants(busy).create(Plan.PRO, null);
      HttpResponse<byte[]> reply =
          OtlpHttp.post(
              busy.url(),
              PROTOBUF,
              Map.of("Authorization", "Bearer " + t.key()),
              spans("s-busy", "4142434445464748").toByteArray());
      assertThat(reply.statusCode()).isEqualTo(503);
      assertThat(reply.headers().firstValue("Retry-After")).contains("1");
      // refused before the body is decoded
      HttpResponse<byte[]> undecoded =
          OtlpHttp.post(
              busy.url(),
              PROTOBUF,
              Map.of("Authorization", "Bearer " + t.key()),
              new byte[] {(byte) 0xff, 0x01, 0x02});
      assertThat(undecoded.statusCode()).isEqualTo(503);
    }
  }
}
