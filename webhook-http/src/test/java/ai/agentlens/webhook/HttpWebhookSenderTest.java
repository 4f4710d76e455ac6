package ai.agentlens.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.WebhookSender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery to a local server when allowed; refusals for non-public targets, schemes, redirects. */
class HttpWebhookSenderTest {

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.createContext(
        "/moved",
        ex -> {
          ex.getResponseHeaders().add("Location", "/hook");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void deliversWhenPrivateTargetsAreAllowed() {
    WebhookSender.Result r =
        new HttpWebhookSender(true).post(url("/hook"), Map.of("X-A", "1"), "{\"a\":1}");
    assertThat(r).isEqualTo(new WebhookSender.Result(204, null));
    assertThat(r.delivered()).isTrue();
    assertThat(bodies).containsExactly("{\"a\":1}");
  }

  @Test
  void refusesLoopbackAndPrivateTargetsByDefault() {
    HttpWebhookSender strict = new HttpWebhookSender(false);
    assertThat(strict.post(url("/hook"), Map.of(), "{}").error())
        .isEqualTo("refused: target is not a public address");
    for (String u :
        List.of(
            "http://localhost/x",
            "http://10.0.0.1/x",
            "http://169.254.169.254/latest",
            "http://[::1]/")) {
      assertThat(strict.post(URI.create(u), Map.of(), "{}").error()).as(u).startsWith("refused");
    }
    assertThat(bodies).isEmpty();
  }

  @Test
  void refusesOtherSchemesAndDoesNotFollowRedirects() {
    assertThat(
            new HttpWebhookSender(true)
                .post(URI.create("file:///etc/passwd"), Map.of(), "{}")
                .error())
        .isEqualTo("refused: only http and https URLs");
    WebhookSender.Result moved = new HttpWebhookSender(true).post(url("/moved"), Map.of(), "{}");
    assertThat(moved.status()).isEqualTo(302);
    assertThat(moved.delivered()).isFalse();
    assertThat(bodies).isEmpty();
  }
}
