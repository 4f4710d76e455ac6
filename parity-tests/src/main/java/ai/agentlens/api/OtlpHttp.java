package ai.agentlens.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Hand-made OTLP/HTTP requests (bodies no SDK would send), with plain JDK HTTP. */
public final class OtlpHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private OtlpHttp() {}

  /**
   * POSTs a body to {@code /v1/traces}.
   *
   * @param baseUrl the launcher's base URL
   * @param contentType e.g. {@code application/x-protobuf}
   * @param headers more headers (key, {@code Content-Encoding})
   * @param body the body
   * @return the response with its bytes
   */
  public static HttpResponse<byte[]> post(
      String baseUrl, String contentType, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/traces"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Compresses bytes with gzip.
   *
   * @param plain the bytes
   * @return the gzip stream
   */
  public static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
