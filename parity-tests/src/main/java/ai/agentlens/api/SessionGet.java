package ai.agentlens.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET requests carrying a dashboard session cookie (the routes that take a session or a key). */
final class SessionGet {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SessionGet() {}

  /**
   * Sends a GET with {@code Cookie: al_session=…}.
   *
   * @param base the launcher's URL
   * @param path the path and query
   * @param cookie the session cookie's value
   * @return the reply
   */
  static Api.Reply get(String base, String path, String cookie) {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", "al_session=" + cookie)
            .GET()
            .build();
    try {
      HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
      return new Api.Reply(resp.statusCode(), resp.body(), resp);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
