package ai.agentlens.core.port;

/**
 * One-way hashing of secrets (API keys, passwords) for storage: bcrypt in production (FR-16,
 * NFR-17). Implementations are thread-safe and deliberately slow; callers cache verified results
 * rather than calling {@link #verify} on every request.
 */
public interface SecretHasher {

  /**
   * Hashes a secret with a fresh salt.
   *
   * @param secret the secret; never logged
   * @return the encoded hash, salt and cost included
   */
  String hash(String secret);

  /**
   * Checks a secret against a stored hash in constant time with respect to the secret.
   *
   * @param secret the presented secret
   * @param hash a value returned by {@link #hash}
   * @return {@code true} when they match; {@code false} also for a malformed hash
   */
  boolean verify(String secret, String hash);
}
