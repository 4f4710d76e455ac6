package ai.agentlens.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server on 127.0.0.1 that records every POST to {@code /hook} and answers 200: the
 * target of guardrail webhook tests (the JDK's server, so the test kit needs no extra library).
 */
public final class WebhookReceiver implements AutoCloseable {

  /**
   * One received request.
   *
   * @param headers its headers (names lower-case)
   * @param body its body
   */
  public record Received(Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** Starts the server on a free port. */
  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/hook",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> h = new java.util.HashMap<>();
          ex.getRequestHeaders()
              .forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
          received.add(new Received(h, body));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    server.start();
  }

  /**
   * Returns the hook's URL.
   *
   * @return e.g. {@code http://127.0.0.1:41234/hook}
   */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /**
   * Returns what was received so far.
   *
   * @return the requests
   */
  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
