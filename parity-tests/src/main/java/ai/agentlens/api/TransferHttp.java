package ai.agentlens.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Byte-level HTTP for export and import: gzip both ways, NDJSON bodies. */
final class TransferHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * A byte response.
   *
   * @param status the status
   * @param body the raw body bytes (still gzip when the server compressed them)
   * @param response the underlying response
   */
  record Bytes(int status, byte[] body, HttpResponse<byte[]> response) {
    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String base;

  TransferHttp(String base) {
    this.base = base;
  }

  Bytes export(String query, String key, String cookie, boolean gzip) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/v1/export" + query))
            .timeout(Duration.ofSeconds(60))
            .GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    if (cookie != null) {
      b.header("Cookie", "al_session=" + cookie);
    }
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    return send(b.build());
  }

  Bytes importBody(String query, String key, byte[] body, boolean gzip) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/v1/import" + query))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? gzip(body) : body));
    if (gzip) {
      b.header("Content-Encoding", "gzip");
    }
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b.build());
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] packed) {
    try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(packed))) {
      return z.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Bytes send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(r.statusCode(), r.body(), r);
    } catch (Exception e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    }
  }
}
