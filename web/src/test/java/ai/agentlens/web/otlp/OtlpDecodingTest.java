package ai.agentlens.web.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.otlp.OtlpSpan;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OTLP encodings as the controller decodes them, without a server. */
class OtlpDecodingTest {

  private static final String JSON =
      """
      {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"bot"}}]},
       "scopeSpans":[{"scope":{"name":"genai","version":"2"},"spans":[{
         "traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174",
         "parentSpanId":"","name":"chat gpt-4o","kind":3,
         "startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000",
         "attributes":[
           {"key":"gen_ai.usage.input_tokens","value":{"intValue":"120"}},
           {"key":"gen_ai.request.temperature","value":{"doubleValue":0.5}},
           {"key":"flags","value":{"arrayValue":{"values":[{"boolValue":true}]}}},
           {"key":"nested","value":{"kvlistValue":{"values":[{"key":"a","value":{"stringValue":"b"}}]}}}],
         "events":[{"timeUnixNano":"1544712660500000000","name":"exception",
           "attributes":[{"key":"exception.message","value":{"stringValue":"boom"}}]}],
         "status":{"code":2,"message":"failed"},
         "futureField":{"ignored":true}}]}]}]}
      """;

  @Test
  void otlpJsonHasHexIdsEnumNumbersStringInt64sAndUnknownFields() throws Exception {
    ExportTraceServiceRequest request =
        OtlpFormat.JSON.decode(JSON.getBytes(StandardCharsets.UTF_8));
    List<OtlpSpan> spans = ProtoSpans.of(request, true);
    assertThat(spans).hasSize(1);
    OtlpSpan s = spans.get(0);
    assertThat(s.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(s.spanId()).isEqualTo("eee19b7ec3c1b174");
    assertThat(s.parentSpanId()).isEmpty();
    assertThat(s.kind()).isEqualTo("CLIENT");
    assertThat(s.status()).isEqualTo(OtlpSpan.Status.ERROR);
    assertThat(s.statusMessage()).isEqualTo("failed");
    assertThat(s.start()).hasToString("2018-12-13T14:51:00Z");
    assertThat(JsonWriter.write(s.attributes()))
        .isEqualTo(
            "{\"gen_ai.usage.input_tokens\":120,\"gen_ai.request.temperature\":0.5,"
                + "\"flags\":[true],\"nested\":{\"a\":\"b\"}}");
    assertThat(s.events().get(0).attributes().string("exception.message")).isEqualTo("boom");
    assertThat(s.resource().string("service.name")).isEqualTo("bot");
    assertThat(s.scopeName()).isEqualTo("genai");
  }

  @Test
  void protobufIdsAreHexOfTheirBytes() throws Exception {
    byte[] trace = HexFormat.of().parseHex("0af7651916cd43dd8448eb211c80319c");
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder()
                    .addScopeSpans(
                        io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder()
                            .addSpans(
                                io.opentelemetry.proto.trace.v1.Span.newBuilder()
                                    .setTraceId(ByteString.copyFrom(trace))
                                    .setSpanId(
                                        ByteString.copyFrom(
                                            HexFormat.of().parseHex("b7ad6b7169203331"))))))
            .build();
    OtlpSpan s = ProtoSpans.of(OtlpFormat.PROTOBUF.decode(request.toByteArray()), false).get(0);
    assertThat(s.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(s.spanId()).isEqualTo("b7ad6b7169203331");
    assertThat(s.start()).as("0 means not set").isNull();
    assertThat(ProtoSpans.count(request)).isEqualTo(1);
  }

  @Test
  void malformedBodiesAreInvalidProtocolBuffers() {
    assertThatThrownBy(() -> OtlpFormat.PROTOBUF.decode(new byte[] {(byte) 0xff, (byte) 0xff}))
        .isInstanceOf(InvalidProtocolBufferException.class);
    for (String bad : List.of("{\"resourceSpans\":[", "{\"resourceSpans\":5}", "[]", "\"x\"")) {
      assertThatThrownBy(() -> OtlpFormat.JSON.decode(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad)
          .isInstanceOf(InvalidProtocolBufferException.class);
    }
  }

  @Test
  void responsesAndStatusesUseTheRequestsEncoding() throws Exception {
    var partial = OtlpResponses.success(OtlpFormat.PROTOBUF, 2, "bad ids");
    ExportTraceServiceResponse r = ExportTraceServiceResponse.parseFrom((byte[]) partial.body());
    assertThat(r.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
    assertThat(new String((byte[]) OtlpResponses.success(OtlpFormat.JSON, 0, "").body()))
        .isEqualTo("{}");
    var error = OtlpResponses.error(OtlpFormat.JSON, 429, "slow down", 3);
    assertThat(new String((byte[]) error.body()))
        .isEqualTo("{\"error\":\"slow down\",\"status\":429,\"code\":8,\"message\":\"slow down\"}");
    assertThat(error.getHeaders().get("Retry-After")).isEqualTo("3");
    assertThat(OtlpFormat.of("application/json; charset=utf-8")).isEqualTo(OtlpFormat.JSON);
    assertThat(OtlpFormat.of("text/plain")).isNull();
  }
}
