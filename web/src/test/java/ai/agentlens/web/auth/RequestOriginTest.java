package ai.agentlens.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * What {@link RequestOrigin} believes of a plain-HTTP request (no TLS in a unit test; the TLS and
 * trusted-proxy paths run for real in {@code LanSelfHostingContract}).
 */
class RequestOriginTest {

  private static RequestOrigin origin(String secure, String proxies, String publicUrl) {
    return new RequestOrigin(secure, proxies, publicUrl, 3400);
  }

  @Test
  void secureCookiesFollowTheSetting() {
    HttpRequest<?> plain = HttpRequest.GET("/").header("Host", "nas.local:3400");
    assertThat(origin("auto", "", null).secureCookies(plain)).isFalse();
    assertThat(origin("AUTO", "", null).secureCookies(plain)).isFalse();
    assertThat(origin("always", "", null).secureCookies(plain)).isTrue();
    assertThat(origin("never", "", null).secureCookies(plain)).isFalse();
  }

  @Test
  void forwardedHeadersOfAnUntrustedPeerAreIgnored() {
    HttpRequest<?> spoofed =
        HttpRequest.GET("/")
            .header("Host", "nas.local:3400")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "evil.example");
    RequestOrigin none = origin("auto", "", null);
    RequestOrigin other = origin("auto", "10.9.9.9, ::2", null);
    for (RequestOrigin o : new RequestOrigin[] {none, other}) {
      assertThat(o.isHttps(spoofed)).isFalse();
      assertThat(o.secureCookies(spoofed)).isFalse();
      assertThat(o.baseUrl(spoofed)).isEqualTo("http://nas.local:3400");
    }
  }

  @Test
  void theBaseUrlIsThePublicUrlOrAPlainHostFromTheRequest() {
    HttpRequest<?> lan = HttpRequest.GET("/").header("Host", "192.168.1.20:3400");
    assertThat(origin("auto", "", "https://lens.example.com/").baseUrl(lan))
        .isEqualTo("https://lens.example.com");
    assertThat(origin("auto", "", "").baseUrl(lan)).isEqualTo("http://192.168.1.20:3400");
    assertThat(origin("auto", "", null).baseUrl(HttpRequest.GET("/").header("Host", "[::1]:3400")))
        .isEqualTo("http://[::1]:3400");
    HttpRequest<?> hostile = HttpRequest.GET("/").header("Host", "evil.example/x?y=@a");
    assertThat(origin("auto", "", null).baseUrl(hostile)).isEqualTo("http://localhost:3400");
  }

  @Test
  void badSettingsFailAtStartWithTheirName() {
    assertThatThrownBy(() -> origin("sometimes", "", null))
        .hasMessageContaining("agentlens.cookies.secure must be auto, always or never");
    assertThatThrownBy(() -> origin("auto", "proxy.internal", null))
        .hasMessageContaining("agentlens.http.trusted-proxies must list IP addresses");
  }
}
