package ai.agentlens.hasher.bcrypt;

import ai.agentlens.core.port.SecretHasher;
import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt (FR-16, NFR-17) through a maintained library; cost 10 unless configured. */
public final class BcryptSecretHasher implements SecretHasher {

  private final int cost;

  /**
   * Creates a hasher.
   *
   * @param cost the bcrypt cost (log2 rounds), 4..31
   */
  public BcryptSecretHasher(int cost) {
    this.cost = cost;
  }

  @Override
  public String hash(String secret) {
    return BCrypt.withDefaults().hashToString(cost, secret.toCharArray());
  }

  @Override
  public boolean verify(String secret, String hash) {
    if (hash == null || hash.isEmpty()) {
      return false;
    }
    try {
      return BCrypt.verifyer()
          .verify(secret.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
          .verified;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
