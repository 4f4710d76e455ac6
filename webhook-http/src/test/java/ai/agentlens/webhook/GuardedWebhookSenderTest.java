package ai.agentlens.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.alerting.WebhookSender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardedWebhookSenderTest {

  private static boolean priv(String literal) throws Exception {
    return GuardedWebhookSender.isPrivate(InetAddress.getByName(literal));
  }

  @Test
  void privateLoopbackLinkLocalAndReservedAddressesAreRecognized() throws Exception {
    for (String a :
        new String[] {
          "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
          "0.0.0.0", "224.0.0.1", "::1", "fc00::1", "fd12::1", "fe80::1"
        }) {
      assertThat(priv(a)).as(a).isTrue();
    }
    for (String a : new String[] {"8.8.8.8", "100.128.0.1", "172.32.0.1", "2001:4860::8888"}) {
      assertThat(priv(a)).as(a).isFalse();
    }
  }

  @Test
  void loopbackTargetsAndOtherSchemesAreRefusedUnlessAllowed() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger hits = new AtomicInteger();
    server.createContext(
        "/",
        ex -> {
          hits.incrementAndGet();
          ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/ok") ? 204 : 503, -1);
          ex.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      WebhookSender guarded = new GuardedWebhookSender(false);
      WebhookSender.Outcome refused = guarded.post(base + "/ok", "{}");
      assertThat(refused.ok()).isFalse();
      assertThat(refused.error()).contains("refused").doesNotContain("127.0.0.1");
      assertThat(guarded.post("http://[::1]:9/hook", "{}").error()).contains("refused");
      assertThat(guarded.post("ftp://example.com/x", "{}").error()).contains("only http and https");
      assertThat(hits.get()).isZero();
      WebhookSender allowed = new GuardedWebhookSender(true);
      assertThat(allowed.post(base + "/ok", "{}")).isEqualTo(WebhookSender.Outcome.OK);
      assertThat(allowed.post(base + "/down", "{}").error()).isEqualTo("webhook answered HTTP 503");
      assertThat(hits.get()).isEqualTo(2);
    } finally {
      server.stop(0);
    }
  }
}
