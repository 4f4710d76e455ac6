package ai.agentlens.web.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link TlsSettings} accepts and the one-line refusals of {@link PemCheck}; HTTPS itself runs
 * for real in the test kit's {@code TlsContract} on both launchers.
 */
class TlsSettingsTest {

  @TempDir static Path dir;
  private static Pair rsa;
  private static Pair ec;

  /** A keytool-made certificate and its key (PKCS#8 DER). */
  record Pair(Path cert, byte[] pkcs8) {}

  @BeforeAll
  static void certificates() throws Exception {
    rsa = keytool("rsa", "RSA", List.of("-keysize", "2048"));
    ec = keytool("ec", "EC", List.of("-groupname", "secp256r1"));
  }

  @Test
  void nothingConfiguredMeansPlainHttp() {
    assertThat(TlsSettings.read(Map.of(), Map.of())).isEmpty();
  }

  @Test
  void aCertificateAndItsPkcs8KeyServeTls13OnlyWithHstsForAYear() throws Exception {
    TlsSettings tls = TlsSettings.read(props(rsa.cert(), pem(rsa, "PRIVATE KEY")), Map.of()).get();
    assertThat(tls.protocols()).containsExactly("TLSv1.3");
    assertThat(tls.redirectPort()).isNull();
    assertThat(tls.hstsMaxAge()).isEqualTo(31_536_000L);
    Map<String, Object> server = tls.serverProperties(3400);
    assertThat(server)
        .containsEntry("micronaut.server.ssl.enabled", true)
        .containsEntry("micronaut.server.ssl.port", 3400)
        .containsEntry("micronaut.server.ssl.protocols", List.of("TLSv1.3"))
        .containsEntry("micronaut.server.dual-protocol", false)
        .containsEntry("agentlens.tls.enabled", true)
        .doesNotContainKey("micronaut.server.port");
    assertThat(server.get("micronaut.server.ssl.key-store.certificate-path"))
        .isEqualTo("file:" + rsa.cert().toAbsolutePath());
  }

  @Test
  void pkcs1AndSec1KeysAreAcceptedAndSettingsComeFromTheEnvironmentToo() throws Exception {
    Path pkcs1 = write("pkcs1.pem", "RSA PRIVATE KEY", inner(rsa.pkcs8()));
    Map<String, String> env =
        Map.of(
            "AGENTLENS_TLS_CERT", rsa.cert().toString(),
            "AGENTLENS_TLS_KEY", pkcs1.toString(),
            "AGENTLENS_TLS_PROTOCOLS", "1.2, TLSv1.3",
            "AGENTLENS_TLS_REDIRECT_PORT", "3480",
            "AGENTLENS_TLS_HSTS_MAX_AGE", "0");
    TlsSettings tls = TlsSettings.read(Map.of(), env).get();
    assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(tls.hstsMaxAge()).isZero();
    assertThat(tls.serverProperties(3443))
        .containsEntry("micronaut.server.dual-protocol", true)
        .containsEntry("micronaut.server.port", 3480)
        .containsEntry("agentlens.tls.https-port", 3443);
    Path sec1 = write("sec1.pem", "EC PRIVATE KEY", inner(ec.pkcs8()));
    assertThat(TlsSettings.read(props(ec.cert(), sec1), Map.of())).isPresent();
  }

  @Test
  void aWrongPairOrAWrongFileIsOneLineNamingTheSetting() throws Exception {
    Path rsaKey = pem(rsa, "PRIVATE KEY");
    assertRefused(
        props(ec.cert(), rsaKey),
        "AGENTLENS_TLS_KEY (agentlens.tls.key): the key in "
            + rsaKey
            + " is not of the"
            + " certificate's kind (EC)");
    Pair other = keytool("other", "RSA", List.of("-keysize", "2048"));
    Path otherKey = pem(other, "PRIVATE KEY");
    assertRefused(
        props(rsa.cert(), otherKey),
        "AGENTLENS_TLS_KEY (agentlens.tls.key): the key in "
            + otherKey
            + " does not belong to the certificate in "
            + rsa.cert());
    Path absent = dir.resolve("absent.pem");
    assertRefused(
        props(absent, rsaKey),
        "AGENTLENS_TLS_CERT (agentlens.tls.cert): cannot read " + absent + " (no such file)");
    assertRefused(
        props(dir, rsaKey),
        "AGENTLENS_TLS_CERT (agentlens.tls.cert): " + dir + " is a directory, not a file");
    assertRefused(
        props(rsaKey, rsaKey),
        "AGENTLENS_TLS_CERT (agentlens.tls.cert): " + rsaKey + " holds no PEM certificate");
    assertRefused(
        props(rsa.cert(), rsa.cert()),
        "AGENTLENS_TLS_KEY (agentlens.tls.key): " + rsa.cert() + " holds no PEM private key");
    Path encrypted = write("enc.pem", "ENCRYPTED PRIVATE KEY", rsa.pkcs8());
    assertRefused(props(rsa.cert(), encrypted), "is encrypted; give an unencrypted key");
    Map<String, Object> onlyCert = new HashMap<>();
    onlyCert.put(TlsSettings.CERT, rsa.cert().toString());
    assertRefused(
        onlyCert,
        "AGENTLENS_TLS_KEY (agentlens.tls.key) is not set: built-in HTTPS needs both"
            + " AGENTLENS_TLS_CERT and AGENTLENS_TLS_KEY");
  }

  @Test
  void badProtocolsPortsAndMaxAgeAreRefused() throws Exception {
    Map<String, Object> p = props(rsa.cert(), pem(rsa, "PRIVATE KEY"));
    p.put(TlsSettings.PROTOCOLS, "TLSv1.1,TLSv1.3");
    assertRefused(p, "may list TLSv1.3 and TLSv1.2 only (got 'TLSv1.1,TLSv1.3')");
    p.remove(TlsSettings.PROTOCOLS);
    p.put(TlsSettings.REDIRECT_PORT, "80000");
    assertRefused(p, "AGENTLENS_TLS_REDIRECT_PORT (agentlens.tls.redirect-port) must be a port");
    p.put(TlsSettings.REDIRECT_PORT, 3400);
    TlsSettings same = TlsSettings.read(p, Map.of()).get();
    assertThatThrownBy(() -> same.serverProperties(3400))
        .hasMessageContaining("must differ from the HTTPS port 3400");
    p.remove(TlsSettings.REDIRECT_PORT);
    p.put(TlsSettings.HSTS_MAX_AGE, "-1");
    assertRefused(p, "must be a number of seconds, 0 or more (got '-1')");
  }

  private static void assertRefused(Map<String, Object> props, String message) {
    assertThatThrownBy(() -> TlsSettings.read(props, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static Map<String, Object> props(Path cert, Path key) {
    Map<String, Object> p = new HashMap<>();
    p.put(TlsSettings.CERT, cert.toString());
    p.put(TlsSettings.KEY, key.toString());
    return p;
  }

  private static Path pem(Pair pair, String type) throws Exception {
    return write(pair.cert().getFileName() + "-key.pem", type, pair.pkcs8());
  }

  private static Path write(String name, String type, byte[] der) throws Exception {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return Files.writeString(
        dir.resolve(name),
        "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }

  /** The key inside a PKCS#8 PrivateKeyInfo: its third element's content. */
  private static byte[] inner(byte[] pkcs8) {
    int at = header(pkcs8, 0);
    at += header(pkcs8, at) + length(pkcs8, at); // version
    at += header(pkcs8, at) + length(pkcs8, at); // algorithm
    int start = at + header(pkcs8, at);
    return java.util.Arrays.copyOfRange(pkcs8, start, start + length(pkcs8, at));
  }

  private static int header(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    return first < 0x80 ? 2 : 2 + (first & 0x7f);
  }

  private static int length(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int n = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      n = (n << 8) | (der[at + 2 + i] & 0xff);
    }
    return n;
  }

  private static Pair keytool(String name, String algorithm, List<String> size) throws Exception {
    Path store = dir.resolve(name + ".p12");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "s",
                "-keyalg",
                algorithm,
                "-dname",
                "CN=localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit"));
    command.addAll(size);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    Path cert = dir.resolve(name + ".pem");
    String body =
        Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(ks.getCertificate("s").getEncoded());
    Files.writeString(
        cert, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    return new Pair(cert, ((PrivateKey) ks.getKey("s", "changeit".toCharArray())).getEncoded());
  }
}
