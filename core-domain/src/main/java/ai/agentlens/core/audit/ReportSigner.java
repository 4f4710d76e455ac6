package ai.agentlens.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs audit verification reports with HMAC-SHA256 under the server's audit signing key: {@code
 * signature = "hmac-sha256:" + lowercase hex(HMAC-SHA256(key, signedText))} (reference §2.4, over
 * RFC 8785 canonical JSON instead of {@code JSON.stringify}). Thread-safe (immutable; a {@link Mac}
 * per call).
 */
public final class ReportSigner {

  /** The signature's prefix, naming the algorithm. */
  public static final String PREFIX = "hmac-sha256:";

  /** Shortest key accepted, in bytes (HMAC-SHA256's block-size guidance: at least 32). */
  public static final int MIN_KEY_BYTES = 32;

  private final byte[] key;

  /**
   * Creates the signer.
   *
   * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes
   * @throws IllegalArgumentException when the key is shorter
   */
  public ReportSigner(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the audit signing key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = key.clone();
  }

  /**
   * Signs a report.
   *
   * @param report the report; its own signature is ignored
   * @return the report with its signature
   */
  public VerificationReport sign(VerificationReport report) {
    return report.withSignature(signature(report.signedText()));
  }

  /**
   * Checks a report's signature in constant time.
   *
   * @param report a signed report
   * @return whether the signature is this key's over the report's contents
   */
  public boolean verify(VerificationReport report) {
    return report.signature() != null
        && MessageDigest.isEqual(
            signature(report.signedText()).getBytes(StandardCharsets.US_ASCII),
            report.signature().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Computes the signature of a text.
   *
   * @param text the signed text
   * @return {@code hmac-sha256:} and 64 lowercase hex characters
   */
  public String signature(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
