package ai.agentlens.core.account.policy;

import java.util.Optional;

/**
 * Password complexity (FR-53): at least 8 characters, one upper-case letter, one lower-case letter
 * and one digit. At most 72 bytes, because bcrypt ignores the rest.
 */
public final class PasswordPolicy {

  private PasswordPolicy() {}

  /**
   * Checks a password.
   *
   * @param password the candidate
   * @return empty when acceptable, otherwise what is missing, for the user
   */
  public static Optional<String> problem(String password) {
    if (password == null || password.length() < 8) {
      return Optional.of("must be at least 8 characters");
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      return Optional.of("must be at most 72 bytes");
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      return Optional.of("must contain an upper-case letter");
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      return Optional.of("must contain a lower-case letter");
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      return Optional.of("must contain a digit");
    }
    return Optional.empty();
  }
}
