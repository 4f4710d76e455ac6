package ai.agentlens.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Plain JDK HTTP for launcher tests, so they exercise the server and nothing of Micronaut's client.
 */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {}

  /**
   * Sends one GET to a server on 127.0.0.1.
   *
   * @param port the server's port
   * @param path the path, e.g. {@code /api/health}
   * @return the response, whatever its status
   * @throws IOException when nothing answers
   * @throws InterruptedException when interrupted while waiting
   */
  public static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Polls until the path answers 200, the process dies or the deadline passes.
   *
   * @param port the server's port
   * @param path the path
   * @param process the server's process, or {@code null} when it runs in this JVM
   * @param timeout how long to wait
   * @return the first 200 response
   * @throws AssertionError when the process exits or the deadline passes first
   * @throws Exception when interrupted
   */
  public static HttpResponse<String> awaitOk(
      int port, String path, Process process, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new AssertionError(
            "process exited with " + process.exitValue() + " before answering " + path);
      }
      try {
        HttpResponse<String> response = get(port, path);
        if (response.statusCode() == 200) {
          return response;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no 200 from " + path + " within " + timeout, last);
  }
}
