package ai.agentlens.core.port.storage;

import ai.agentlens.core.account.model.UserToken;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * Single-use mailed tokens (verification, password reset). Only SHA-256 hashes are stored. Tokens
 * are global (users are), so no method takes an org.
 *
 * <p>Thread-safe; every method is one transaction. Errors: {@link ConflictException} for a taken
 * hash, {@link InvalidInputException} for bad fields.
 */
public interface UserTokenStore {

  /**
   * Stores a token.
   *
   * @param token the token; hash 64 lowercase hex characters
   * @throws ConflictException when the hash is taken
   */
  void create(UserToken token);

  /**
   * Uses a token up, atomically: succeeds at most once per token, even when called concurrently,
   * and only while {@code now} is before its expiry and its purpose matches.
   *
   * @param purpose the expected purpose
   * @param tokenHash hex SHA-256 of the presented token
   * @param now the current time
   * @return the token's user when it was valid and is now used; empty when unknown, of another
   *     purpose, expired or used already
   */
  Optional<String> consume(UserToken.Purpose purpose, String tokenHash, Instant now);

  /**
   * Deletes every token of a user (account deletion). Idempotent.
   *
   * @param userId the user
   * @return the number deleted
   */
  int deleteForUser(String userId);
}
