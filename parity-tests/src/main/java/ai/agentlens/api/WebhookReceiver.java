package ai.agentlens.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 that records every request POSTed to it: the receiving end of the
 * webhook tests (guardrail and alert deliveries). Paths starting with {@code /fail} answer 500,
 * every other path 200. The JDK's server, so the test kit needs no extra library.
 */
public final class WebhookReceiver implements AutoCloseable {

  /**
   * One received request.
   *
   * @param path the request path
   * @param contentType its {@code Content-Type}, or {@code null}
   * @param headers its headers (names lower-case, first value each)
   * @param body its body
   */
  public record Received(
      String path, String contentType, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** Starts the server on a free loopback port. */
  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind a loopback port", e);
    }
    server.createContext(
        "/",
        ex -> {
          Map<String, String> headers = new HashMap<>();
          ex.getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
          try (InputStream in = ex.getRequestBody()) {
            received.add(
                new Received(
                    ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Content-Type"),
                    Map.copyOf(headers),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          int status = ex.getRequestURI().getPath().startsWith("/fail") ? 500 : 200;
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    server.start();
  }

  /**
   * Returns the URL of {@code /hook} on this server.
   *
   * @return e.g. {@code http://127.0.0.1:41234/hook}
   */
  public String url() {
    return url("/hook");
  }

  /**
   * Returns the URL of a path on this server.
   *
   * @param path e.g. {@code /hook}
   * @return the URL
   */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /**
   * Returns everything received so far.
   *
   * @return the requests, in arrival order
   */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * Returns what arrived at a path so far.
   *
   * @param path the path
   * @return the requests, in arrival order
   */
  public List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
