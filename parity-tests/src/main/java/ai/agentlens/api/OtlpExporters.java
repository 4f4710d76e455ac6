package ai.agentlens.api;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenTelemetry Java SDK pointed at a launcher's {@code /v1/traces}, as an application
 * would configure it: HTTP/protobuf through the public {@link OtlpHttpSpanExporter}; HTTP/JSON as
 * the SDK's own OTLP/JSON marshaler writes it (the SDK's public builder offers protobuf only), sent
 * with the JDK client.
 */
public final class OtlpExporters {

  private OtlpExporters() {}

  /**
   * A protobuf exporter.
   *
   * @param baseUrl the launcher's base URL
   * @param headers headers to send (e.g. the API key)
   * @param gzip whether to compress bodies
   * @return the exporter
   */
  public static SpanExporter protobuf(String baseUrl, Map<String, String> headers, boolean gzip) {
    OtlpHttpSpanExporterBuilder b =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(baseUrl + "/v1/traces")
            .setTimeout(Duration.ofSeconds(30))
            .setCompression(gzip ? "gzip" : "none");
    headers.forEach(b::addHeader);
    return b.build();
  }

  /**
   * A JSON exporter (OTLP/JSON as the SDK's marshaler writes it: hex ids, enums as numbers).
   *
   * @param baseUrl the launcher's base URL
   * @param headers headers to send
   * @return the exporter
   */
  public static SpanExporter json(String baseUrl, Map<String, String> headers) {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
          TraceRequestMarshaler.create(spans).writeJsonTo(body);
        } catch (IOException e) {
          return CompletableResultCode.ofExceptionalFailure(e);
        }
        int status =
            OtlpHttp.post(baseUrl, "application/json", headers, body.toByteArray()).statusCode();
        return status / 100 == 2
            ? CompletableResultCode.ofSuccess()
            : CompletableResultCode.ofFailure();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
  }

  /**
   * Wraps an exporter to remember the outcome of its last export (a tracer provider's {@code
   * forceFlush} does not report it).
   */
  public static final class Recording implements SpanExporter {
    private final SpanExporter delegate;
    private volatile CompletableResultCode last = CompletableResultCode.ofFailure();

    /**
     * Wraps an exporter.
     *
     * @param delegate the exporter
     */
    public Recording(SpanExporter delegate) {
      this.delegate = delegate;
    }

    /**
     * Tells whether the last export succeeded (the server answered 2xx).
     *
     * @return the outcome, waiting up to 20 s for it
     */
    public boolean lastSucceeded() {
      return last.join(20, TimeUnit.SECONDS).isSuccess();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      last = delegate.export(spans);
      return last;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }

  /**
   * A tracer provider that batches every span into one export per {@code forceFlush}.
   *
   * @param exporter where spans go
   * @param serviceName the resource's {@code service.name}
   * @return the provider; close it after use
   */
  public static SdkTracerProvider provider(SpanExporter exporter, String serviceName) {
    return SdkTracerProvider.builder()
        .setResource(
            Resource.getDefault()
                .merge(Resource.builder().put("service.name", serviceName).build()))
        .addSpanProcessor(
            BatchSpanProcessor.builder(exporter)
                .setScheduleDelay(Duration.ofHours(1))
                .setMaxExportBatchSize(512)
                .build())
        .build();
  }
}
