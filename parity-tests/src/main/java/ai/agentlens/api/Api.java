package ai.agentlens.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Plain JDK HTTP against a running launcher, with JSON bodies read by Jackson. */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;

  /**
   * Creates a client.
   *
   * @param base the base URL
   */
  public Api(String base) {
    this.base = base;
  }

  /**
   * A response: status, headers and the body as JSON (or text).
   *
   * @param status the status
   * @param raw the body text
   * @param response the underlying response
   */
  public record Reply(int status, String raw, HttpResponse<String> response) {

    /**
     * Parses the body.
     *
     * @return the JSON tree
     */
    public JsonNode json() {
      try {
        return JSON.readTree(raw);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + raw, e);
      }
    }

    /**
     * Returns a header.
     *
     * @param name the header
     * @return its value, or {@code null}
     */
    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  /** POSTs a JSON body with an optional bearer key. */
  public Reply post(String path, String key, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b.build());
  }

  /** POSTs raw bytes (e.g. invalid UTF-8) as a JSON body with an optional bearer key. */
  public Reply postBytes(String path, String key, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b.build());
  }

  /** GETs with an optional bearer key. */
  public Reply get(String path, String key) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b.build());
  }

  /**
   * GETs until the reply satisfies {@code done} or {@code timeout} passes; returns the last reply.
   */
  public Reply await(String path, String key, Predicate<Reply> done, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Reply reply = get(path, key);
    while (!done.test(reply) && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
      reply = get(path, key);
    }
    return reply;
  }

  /**
   * Waits until the key's org holds at least {@code events} stored events (the {@code total} of
   * {@code GET /api/events}) or {@code timeout} passes: ingestion answers before it stores.
   *
   * @return the last total read, or -1 when the last reply was not a 200
   */
  public long awaitStoredEvents(String key, long events, Duration timeout)
      throws InterruptedException {
    Reply r =
        await(
            "/api/events?limit=1",
            key,
            x -> x.status() == 200 && x.json().path("total").asLong() >= events,
            timeout);
    return r.status() == 200 ? r.json().path("total").asLong() : -1;
  }

  private static Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r);
    } catch (Exception e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    }
  }
}
