package ai.agentlens.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Which address {@link ClientIp} believes: X-Forwarded-For only through a trusted proxy. */
class ClientIpTest {

  private static final String PROXY = "10.0.0.2";

  private static ClientIp ip(boolean trustForwardedFor, String proxies) {
    return new ClientIp(trustForwardedFor, new RequestOrigin("auto", proxies, null, 3400));
  }

  private static HttpRequest<?> from(String peer, String... forwardedFor) {
    var request = HttpRequest.GET("/api/auth/login");
    for (String value : forwardedFor) {
      request.header("X-Forwarded-For", value);
    }
    return new HttpRequestWrapper<>(request) {
      @Override
      public InetSocketAddress getRemoteAddress() {
        return new InetSocketAddress(peer, 40000);
      }
    };
  }

  @Test
  void withoutATrustedProxyTheHeaderIsIgnored() {
    HttpRequest<?> spoofed = from("203.0.113.7", "198.51.100.1");
    assertThat(ip(false, "").of(spoofed)).isEqualTo("203.0.113.7");
    assertThat(ip(true, "").of(spoofed)).as("trust without proxies").isEqualTo("203.0.113.7");
    assertThat(ip(true, PROXY).of(spoofed)).as("peer is not the proxy").isEqualTo("203.0.113.7");
    assertThat(ip(false, PROXY).of(from(PROXY, "198.51.100.1")))
        .as("proxy, but forwarded-for not trusted")
        .isEqualTo(PROXY);
  }

  @Test
  void throughATrustedProxyTheRightmostUntrustedHopIsTheClient() {
    ClientIp ip = ip(true, PROXY + ", 10.0.0.3");
    assertThat(ip.of(from(PROXY, "198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(ip.of(from(PROXY, "6.6.6.6, 198.51.100.1")))
        .as("an entry the client wrote itself at the left is not its address")
        .isEqualTo("198.51.100.1");
    assertThat(ip.of(from(PROXY, "6.6.6.6", "198.51.100.1, 10.0.0.3")))
        .as("several headers and a chain of trusted proxies")
        .isEqualTo("198.51.100.1");
    assertThat(ip.of(from(PROXY, "198.51.100.1:4711"))).isEqualTo("198.51.100.1");
    assertThat(ip.of(from(PROXY, "[2001:db8::1]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(ip.of(from(PROXY, "2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void aMalformedOrMissingChainFallsBackToTheProxy() {
    ClientIp ip = ip(true, PROXY);
    assertThat(ip.of(from(PROXY))).isEqualTo(PROXY);
    assertThat(ip.of(from(PROXY, "not-an-ip"))).isEqualTo(PROXY);
    assertThat(ip.of(from(PROXY, "1.2.3.4.5"))).as("never a DNS lookup").isEqualTo(PROXY);
    assertThat(ip.of(from(PROXY, "198.51.100.1, evil.example"))).isEqualTo(PROXY);
    assertThat(ip.of(from(PROXY, PROXY))).isEqualTo(PROXY);
  }
}
