package ai.agentlens.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's {@code
 * keytool} (no extra library) and written as the PEM files an operator gives the server: {@code
 * cert.pem} and an unencrypted PKCS#8 {@code key.pem}.
 *
 * @param cert the certificate file
 * @param key the private key file
 * @param certificate the certificate, for trusting it in clients
 */
public record SelfSignedCertificate(Path cert, Path key, X509Certificate certificate) {

  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  /**
   * Makes a new key pair and certificate in a fresh temporary directory.
   *
   * @param keyAlgorithm {@code EC} (P-256) or {@code RSA} (2048 bits)
   * @return the files and the certificate
   */
  public static SelfSignedCertificate create(String keyAlgorithm) {
    try {
      Path dir = Files.createTempDirectory("agentlens-tls-");
      Path store = dir.resolve("store.p12");
      List<String> size =
          keyAlgorithm.equals("EC")
              ? List.of("-groupname", "secp256r1")
              : List.of("-keysize", "2048");
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "server",
                  "-keyalg",
                  keyAlgorithm));
      command.addAll(size);
      command.addAll(
          List.of(
              "-dname",
              "CN=localhost",
              "-ext",
              "SAN=dns:localhost,ip:127.0.0.1",
              "-validity",
              "2",
              "-storetype",
              "PKCS12",
              "-keystore",
              store.toString(),
              "-storepass",
              new String(STORE_PASSWORD)));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + out);
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, STORE_PASSWORD);
      }
      X509Certificate certificate = (X509Certificate) ks.getCertificate("server");
      PrivateKey privateKey = (PrivateKey) ks.getKey("server", STORE_PASSWORD);
      Path cert = dir.resolve("cert.pem");
      Path key = dir.resolve("key.pem");
      Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()));
      return new SelfSignedCertificate(cert, key, certificate);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns a TLS context for clients that trusts exactly this certificate.
   *
   * @return the context
   */
  public SSLContext trustingClientContext() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server", certificate);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
