package ai.agentlens.launchers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Api;
import ai.agentlens.api.Http;
import ai.agentlens.testing.FreePort;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/import} beyond the request-size limit, in constant memory (issue 15): the
 * packaged self-hosted server runs in its own JVM with a 256 MB heap, and a generated export of
 * about 150 MB (about 48,000 events of 3 KB, random text so gzip cannot shrink it below 100 MB) is
 * streamed into it — once plain, once gzip — with chunked transfer encoding, so neither side ever
 * holds the body. Every record must be imported. The import rate limit is raised by configuration
 * for this test.
 */
class SelfhostedStreamedImportTest {

  private static final Path SELFHOSTED =
      Path.of("..", "app-selfhosted", "target", "agentlens-selfhosted.jar");

  private static final int EVENTS = 48_000;
  private static final int PER_SESSION = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  private Path data;
  private String key;
  private Process server;
  private int port;

  @BeforeEach
  void startServer() throws Exception {
    assertThat(SELFHOSTED).as("packaged jar (run ./mvnw verify from the root)").isRegularFile();
    data = temp.resolve("data");
    Path out = temp.resolve("keys.out");
    Process keys =
        new ProcessBuilder(
                java(),
                "-jar",
                SELFHOSTED.toAbsolutePath().toString(),
                "keys",
                "create",
                "--org",
                "default",
                "--data-dir",
                data.toString())
            .redirectOutput(out.toFile())
            .redirectError(temp.resolve("keys.err").toFile())
            .start();
    assertThat(keys.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keys.exitValue()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    key = lines.get(lines.size() - 1).strip();
    port = FreePort.find();
    ProcessBuilder builder =
        new ProcessBuilder(
                java(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                SELFHOSTED.toAbsolutePath().toString())
            .directory(temp.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AGENTLENS_"));
    builder
        .environment()
        .putAll(
            Map.of(
                "AGENTLENS_PORT",
                Integer.toString(port),
                "AGENTLENS_DATA_DIR",
                data.toString(),
                "AGENTLENS_EMBEDDING_PROVIDER",
                "none",
                "AGENTLENS_IMPORT_RECORDS_PER_MINUTE",
                "100000000"));
    builder.redirectOutput(temp.resolve("server.out").toFile());
    builder.redirectError(temp.resolve("server.err").toFile());
    server = builder.start();
    Http.awaitOk(port, "/api/health", server, Duration.ofSeconds(60));
  }

  @AfterEach
  void stopServer() throws Exception {
    server.destroy();
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
  }

  @Test
  void a150MegabyteImportStreamsThroughA256MegabyteHeapPlainAndGzip() throws Exception {
    long plainBytes = importGenerated("plain", false);
    assertThat(plainBytes).isGreaterThan(140_000_000L);
    long gzipBytes = importGenerated("gzip", true);
    assertThat(gzipBytes).as("compressed body still beyond 100 MB").isGreaterThan(100_000_000L);
    JsonNode events = new Api("http://127.0.0.1:" + port).get("/api/events?limit=1", key).json();
    assertThat(events.get("total").asLong()).isEqualTo(2L * EVENTS);
    assertThat(server.isAlive()).as("the server did not run out of memory").isTrue();
  }

  /** Streams a generated export into the server; returns the bytes sent on the wire. */
  private long importGenerated(String tag, boolean gzip) throws Exception {
    PipedInputStream body = new PipedInputStream(1 << 16);
    PipedOutputStream pipe = new PipedOutputStream(body);
    long[] sent = new long[1];
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream counted = new CountingStream(pipe, sent);
                  OutputStream out = gzip ? new GZIPOutputStream(counted, 1 << 16) : counted) {
                generate(tag, out);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/import"))
            .timeout(Duration.ofMinutes(20))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    writer.join(60_000);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("imported").asLong()).as(r.body()).isEqualTo(EVENTS);
    assertThat(report.get("invalid").asLong()).isZero();
    assertThat(report.get("rechained").asLong()).isZero();
    System.out.printf("streamed import (%s): %,d bytes on the wire, %s%n", tag, sent[0], r.body());
    return sent[0];
  }

  private static void generate(String tag, OutputStream out) throws IOException {
    Random random = new Random(tag.hashCode());
    char[] alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    char[] text = new char[3000];
    for (int i = 0; i < EVENTS; i++) {
      for (int c = 0; c < text.length; c++) {
        text[c] = alphabet[random.nextInt(alphabet.length)];
      }
      String line =
          "{\"kind\":\"event\",\"id\":\"big-"
              + tag
              + "-"
              + i
              + "\",\"sessionId\":\"big-"
              + tag
              + "-s"
              + (i / PER_SESSION)
              + "\",\"agentId\":\"bulk\",\"eventType\":\"custom\",\"severity\":\"info\","
              + "\"timestamp\":\"2026-11-30T10:00:00.000000Z\",\"payload\":{\"type\":\"blob\","
              + "\"data\":{\"text\":\""
              + new String(text)
              + "\"}},\"metadata\":{}}\n";
      out.write(line.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Counts the bytes passed on. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    private final long[] count;

    CountingStream(OutputStream out, long[] count) {
      super(out);
      this.count = count;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count[0] += len;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count[0]++;
    }
  }

  private static String java() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
