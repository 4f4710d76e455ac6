package ai.agentlens.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that records the bodies POSTed to it and answers each path with a
 * fixed status: the receiving end of webhook tests (WireMock is not in this build's repository; the
 * JDK's server is enough to check what arrives).
 */
public final class WebhookReceiver implements AutoCloseable {

  /**
   * One received request.
   *
   * @param path the request path
   * @param contentType its {@code Content-Type}
   * @param body its body
   */
  public record Received(String path, String contentType, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /**
   * Starts on a free loopback port; {@code /fail} answers 500, every other path 204.
   *
   * @throws IOException when the port cannot be bound
   */
  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          try (InputStream in = ex.getRequestBody()) {
            received.add(
                new Received(
                    ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          int status = ex.getRequestURI().getPath().startsWith("/fail") ? 500 : 204;
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    server.start();
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
