package ai.agentlens.core.port.storage;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys (FR-13..FR-22). The visible prefix is unique across all orgs, because the gateway finds
 * a presented key by prefix before it knows the org ({@link #findByPrefix}); every other method is
 * tenant-scoped.
 *
 * <p>Thread-safe; every method is one transaction. Errors: {@link ConflictException} when the id or
 * prefix is taken (the caller mints a new key), {@link NotFoundException} when a mutation names an
 * unknown key of that org, {@link InvalidInputException} for bad fields.
 */
public interface ApiKeyStore {

  /**
   * Stores a new key.
   *
   * @param key the key; prefix exactly 16 characters
   * @throws ConflictException when the id or prefix is taken
   */
  void create(ApiKey key);

  /**
   * Finds a key by its visible prefix, in any org: the authentication lookup. Revoked keys are
   * returned too (the caller rejects them).
   *
   * @param prefix the first 16 characters of a presented key
   * @return the key, or empty
   */
  Optional<ApiKey> findByPrefix(String prefix);

  /**
   * Reads one key of an org.
   *
   * @param orgId the org
   * @param keyId the key
   * @return the key, or empty
   */
  Optional<ApiKey> find(String orgId, String keyId);

  /**
   * Lists an org's keys, revoked ones included, newest first.
   *
   * @param orgId the org
   * @return its keys
   */
  List<ApiKey> list(String orgId);

  /**
   * Revokes a key. Idempotent: revoking again keeps the first revocation time.
   *
   * @param orgId the org
   * @param keyId the key
   * @param at revocation time
   * @throws NotFoundException when the org has no such key
   */
  void revoke(String orgId, String keyId, Instant at);

  /**
   * Records last use of several keys at once (batched, FR-21). Keys of other orgs and unknown ids
   * are ignored; an older time never overwrites a newer one.
   *
   * @param orgId the org
   * @param lastUsed key id to last use time
   */
  void touch(String orgId, Map<String, Instant> lastUsed);

  /**
   * Sets or clears a key's events-per-minute override (a {@code rate_limit} remediation). Last
   * writer wins; a revoked key may still be changed.
   *
   * @param orgId the org
   * @param keyId the key
   * @param perMinute the limit (&gt; 0), or {@code null} to clear it
   * @return {@code false} when the org has no such key
   */
  boolean rateLimit(String orgId, String keyId, Integer perMinute);
}
