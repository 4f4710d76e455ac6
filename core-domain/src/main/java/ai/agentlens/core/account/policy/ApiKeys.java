package ai.agentlens.core.account.policy;

import ai.agentlens.core.account.model.KeyEnvironment;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API key format (FR-14, FR-15): {@code al_live_} or {@code al_test_} followed by 32 random
 * base62 characters (about 190 bits). The visible prefix is the first 16 characters; it finds the
 * stored key, whose bcrypt hash then verifies the whole key.
 */
public final class ApiKeys {

  /** Length of the visible, stored prefix. */
  public static final int PREFIX_LENGTH = 16;

  private static final Pattern FORMAT = Pattern.compile("al_(live|test)_[0-9A-Za-z]{32}");
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /**
   * Mints a new key.
   *
   * @param environment live or test
   * @return the full key; shown once, never stored
   */
  public static String generate(KeyEnvironment environment) {
    StringBuilder key =
        new StringBuilder(environment == KeyEnvironment.LIVE ? "al_live_" : "al_test_");
    for (int i = 0; i < 32; i++) {
      key.append(BASE62[RANDOM.nextInt(BASE62.length)]);
    }
    return key.toString();
  }

  /**
   * Checks a presented credential's shape, without any lookup.
   *
   * @param credential what followed {@code Bearer }
   * @return the key when it has the format, else empty
   */
  public static Optional<String> parse(String credential) {
    return credential != null && FORMAT.matcher(credential).matches()
        ? Optional.of(credential)
        : Optional.empty();
  }

  /**
   * Returns a key's visible prefix.
   *
   * @param key a well-formed key
   * @return its first 16 characters, e.g. {@code al_live_AbCdEfGh}
   */
  public static String prefix(String key) {
    return key.substring(0, PREFIX_LENGTH);
  }

  /**
   * Returns a key's environment.
   *
   * @param key a well-formed key
   * @return live or test
   */
  public static KeyEnvironment environment(String key) {
    return key.startsWith("al_live_") ? KeyEnvironment.LIVE : KeyEnvironment.TEST;
  }
}
