package ai.agentlens.web.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a PEM certificate chain and private key before the server starts, so an operator gets one
 * clear line instead of a stack trace from the TLS stack: the files exist and are readable, the
 * certificate parses, the key is an unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code
 * BEGIN RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE KEY}) key, and it belongs to the
 * certificate (a signature made with it verifies with the certificate's public key).
 */
final class PemCheck {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private PemCheck() {}

  /**
   * Checks the pair.
   *
   * @param certPath the certificate chain file
   * @param certLabel how to name the certificate setting in a message
   * @param keyPath the private key file
   * @param keyLabel how to name the key setting in a message
   * @throws IllegalArgumentException one line saying what is wrong
   */
  static void check(Path certPath, String certLabel, Path keyPath, String keyLabel) {
    X509Certificate cert = certificate(read(certPath, certLabel), certPath, certLabel);
    PrivateKey key = privateKey(read(keyPath, keyLabel), keyPath, keyLabel, cert.getPublicKey());
    if (!signs(key, cert.getPublicKey())) {
      throw new IllegalArgumentException(
          keyLabel
              + ": the key in "
              + keyPath
              + " does not belong to the certificate in "
              + certPath);
    }
  }

  private static byte[] read(Path path, String label) {
    try {
      if (Files.isDirectory(path)) {
        throw new IllegalArgumentException(label + ": " + path + " is a directory, not a file");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(label + ": cannot read " + path + " (no such file)");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(label + ": cannot read " + path + " (permission denied)");
    } catch (IOException e) {
      throw new IllegalArgumentException(label + ": cannot read " + path + " (" + e + ")");
    }
  }

  private static X509Certificate certificate(byte[] pem, Path path, String label) {
    try {
      Collection<? extends Certificate> chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem));
      if (!chain.isEmpty() && chain.iterator().next() instanceof X509Certificate first) {
        return first;
      }
    } catch (GeneralSecurityException e) {
      // reported below: the file is not what the setting needs
    }
    throw new IllegalArgumentException(label + ": " + path + " holds no PEM certificate");
  }

  private static PrivateKey privateKey(byte[] pem, Path path, String label, PublicKey certKey) {
    Matcher block = BLOCK.matcher(new String(pem, StandardCharsets.US_ASCII));
    while (block.find()) {
      String type = block.group(1);
      if (type.equals("ENCRYPTED PRIVATE KEY")) {
        throw new IllegalArgumentException(
            label
                + ": "
                + path
                + " is encrypted; give an unencrypted key (openssl pkcs8 -topk8 -nocrypt -in "
                + path
                + ")");
      }
      if (!type.endsWith("PRIVATE KEY")) {
        continue;
      }
      byte[] der = Base64.getMimeDecoder().decode(block.group(2));
      // why: PKCS#1 (RSA) and SEC1 (EC) keys carry no algorithm identifier; the certificate's
      // public key has the one a PKCS#8 wrapper needs (rsaEncryption, or ecPublicKey + curve)
      byte[] pkcs8 = type.equals("PRIVATE KEY") ? der : wrap(der, algorithmOf(certKey));
      try {
        return KeyFactory.getInstance(certKey.getAlgorithm())
            .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            label
                + ": the key in "
                + path
                + " is not of the certificate's kind ("
                + certKey.getAlgorithm()
                + ")");
      }
    }
    throw new IllegalArgumentException(label + ": " + path + " holds no PEM private key");
  }

  private static boolean signs(PrivateKey key, PublicKey publicKey) {
    String algorithm =
        switch (publicKey.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> publicKey.getAlgorithm(); // Ed25519, Ed448, EdDSA
        };
    byte[] probe = "agentlens tls key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The AlgorithmIdentifier, the first element of the SubjectPublicKeyInfo sequence. */
  private static byte[] algorithmOf(PublicKey key) {
    byte[] spki = key.getEncoded();
    int inner = headerLength(spki, 0);
    int length = headerLength(spki, inner) + contentLength(spki, inner);
    byte[] out = new byte[length];
    System.arraycopy(spki, inner, out, 0, length);
    return out;
  }

  /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING key }. */
  private static byte[] wrap(byte[] key, byte[] algorithm) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(algorithm);
    body.writeBytes(tlv(0x04, key));
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(n >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static int headerLength(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    return first < 0x80 ? 2 : 2 + (first & 0x7f);
  }

  private static int contentLength(byte[] der, int at) {
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
}
