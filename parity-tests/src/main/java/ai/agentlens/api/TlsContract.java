package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.testing.FreePort;
import ai.agentlens.testing.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Built-in HTTPS (issue 19): with {@code agentlens.tls.cert}/{@code .key} set, the launcher's port
 * speaks TLS 1.3 and refuses TLS 1.2 unless {@code agentlens.tls.protocols} allows it, HTTPS
 * responses carry {@code Strict-Transport-Security}, cookies are {@code Secure} ({@code auto}
 * follows the request), and the plain listener on {@code agentlens.tls.redirect-port} answers every
 * request with a redirect to the same path on HTTPS. A certificate and key that do not belong
 * together stop the start with one line naming the setting. The certificate is self-signed, made by
 * keytool for this run.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TlsContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own; its port becomes the
   * HTTPS port when the properties configure TLS.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  private SelfSignedCertificate certificate;
  private TestStack stack;
  private int redirectPort;
  private HttpClient https;

  @BeforeAll
  void startWithTls() {
    certificate = SelfSignedCertificate.create("EC");
    redirectPort = FreePort.find();
    Map<String, Object> props = tls(certificate);
    props.put("agentlens.tls.redirect-port", redirectPort);
    stack = start(props);
    https =
        HttpClient.newBuilder()
            .sslContext(certificate.trustingClientContext())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void httpsAnswersOverTls13WithStrictTransportSecurity() throws Exception {
    HttpResponse<String> r = https.send(get(httpsUrl("/api/health")), body());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"ok\"");
    assertThat(r.sslSession()).isPresent();
    assertThat(r.sslSession().get().getProtocol()).isEqualTo("TLSv1.3");
    assertThat(r.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
  }

  @Test
  void tls12IsRefusedByDefault() {
    assertThatThrownBy(() -> handshake(stack.port(), "TLSv1.2")).isInstanceOf(SSLException.class);
    assertThat(handshakeProtocol(stack.port(), "TLSv1.3")).isEqualTo("TLSv1.3");
  }

  @Test
  void cookiesSetOverHttpsAreSecure() throws Exception {
    HttpResponse<String> r = https.send(get(httpsUrl("/sign-in")), body());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> cookies = r.headers().allValues("Set-Cookie");
    assertThat(cookies).isNotEmpty();
    assertThat(cookies)
        .allSatisfy(c -> assertThat(c).contains("; Secure").containsIgnoringCase("HttpOnly"));
  }

  @Test
  void plainHttpIsRedirectedToTheSamePathOnHttps() throws Exception {
    HttpClient plain = HttpClient.newHttpClient();
    HttpResponse<String> page =
        plain.send(get("http://localhost:" + redirectPort + "/sign-in?next=%2Fsessions"), body());
    assertThat(page.statusCode()).isEqualTo(308);
    assertThat(page.headers().firstValue("Location"))
        .contains("https://localhost:" + stack.port() + "/sign-in?next=%2Fsessions");
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    HttpResponse<String> ingest =
        plain.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + redirectPort + "/api/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[]}"))
                .build(),
            body());
    assertThat(ingest.statusCode())
        .as("no route or key check answers on plain HTTP")
        .isEqualTo(308);
    assertThat(ingest.headers().firstValue("Location"))
        .contains("https://127.0.0.1:" + stack.port() + "/api/events");
  }

  @Test
  void aClientFollowingTheRedirectEndsUpOnHttps() throws Exception {
    HttpClient following =
        HttpClient.newBuilder()
            .sslContext(certificate.trustingClientContext())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<String> r =
        following.send(get("http://localhost:" + redirectPort + "/api/health"), body());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.uri().toString()).startsWith("https://localhost:" + stack.port());
    assertThat(r.sslSession()).isPresent();
  }

  @Test
  void tls12IsServedOnlyWhenConfigured() {
    Map<String, Object> props = tls(certificate);
    props.put("agentlens.tls.protocols", "TLSv1.3,TLSv1.2");
    try (TestStack both = start(props)) {
      assertThat(handshakeProtocol(both.port(), "TLSv1.2")).isEqualTo("TLSv1.2");
      assertThat(handshakeProtocol(both.port(), "TLSv1.3")).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void aKeyOfAnotherCertificateStopsTheStartWithOneLine() throws Exception {
    SelfSignedCertificate other = SelfSignedCertificate.create("EC");
    Map<String, Object> mismatched = tls(certificate);
    mismatched.put("agentlens.tls.key", other.key().toString());
    assertThatThrownBy(() -> start(mismatched).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("AGENTLENS_TLS_KEY (agentlens.tls.key): the key in ")
        .hasMessageContaining("does not belong to the certificate")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    Map<String, Object> missing = tls(certificate);
    missing.put("agentlens.tls.cert", certificate.cert().resolveSibling("absent.pem").toString());
    assertThatThrownBy(() -> start(missing).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("AGENTLENS_TLS_CERT (agentlens.tls.cert): cannot read ")
        .hasMessageEndingWith("absent.pem (no such file)");
    var garbage = Files.writeString(Files.createTempFile("agentlens-cert-", ".pem"), "not a cert");
    Map<String, Object> notPem = tls(certificate);
    notPem.put("agentlens.tls.cert", garbage.toString());
    assertThatThrownBy(() -> start(notPem).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no PEM certificate");
  }

  private static Map<String, Object> tls(SelfSignedCertificate c) {
    Map<String, Object> props = new HashMap<>();
    props.put("agentlens.tls.cert", c.cert().toString());
    props.put("agentlens.tls.key", c.key().toString());
    // why: "auto" must find the request secure by itself; the account stacks force "always"
    props.put("agentlens.cookies.secure", "auto");
    props.put("agentlens.setup.first-run", "false");
    return props;
  }

  private String httpsUrl(String path) {
    return "https://localhost:" + stack.port() + path;
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private String handshakeProtocol(int port, String protocol) {
    try {
      return handshake(port, protocol);
    } catch (java.io.IOException e) {
      throw new AssertionError(protocol + " handshake failed: " + e, e);
    }
  }

  private String handshake(int port, String protocol) throws java.io.IOException {
    try (SSLSocket socket =
        (SSLSocket)
            certificate
                .trustingClientContext()
                .getSocketFactory()
                .createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }
}
