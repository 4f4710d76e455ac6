package ai.agentlens.core.guardrail.action;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The {@code X-AgentLens-Signature} header: {@code sha256=} + hex HMAC-SHA256 of the body. */
public final class WebhookSignature {

  /** The header name. */
  public static final String HEADER = "X-AgentLens-Signature";

  private WebhookSignature() {}

  /**
   * Signs a body.
   *
   * @param secret the shared secret
   * @param body the exact bytes sent, as UTF-8 text
   * @return e.g. {@code sha256=3f…}
   */
  public static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
