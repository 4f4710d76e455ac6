package ai.agentlens.core.remediation;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.port.KeyRevocations;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.remediation.model.Remediation;
import java.util.Optional;

/**
 * A {@code rate_limit} remediation on an API key: it sets the key's events-per-minute override (the
 * limit ingest already counts in the key's bucket) and drops the key's cached verification, so the
 * new limit applies on the next request on every instance.
 */
final class KeyLimits {

  private final ApiKeyStore keys;
  private final KeyRevocations revocations;

  KeyLimits(ApiKeyStore keys, KeyRevocations revocations) {
    this.keys = keys;
    this.revocations = revocations;
  }

  /** Limits an active key and returns what it was. */
  Remediation.Snapshot limit(String orgId, String keyId, int perMinute) {
    ApiKey key =
        keys.find(orgId, keyId)
            .filter(k -> !k.revoked())
            .orElseThrow(
                () ->
                    new SettingsInvalidException("params.keyId", "no such active key in this org"));
    keys.rateLimit(orgId, key.id(), perMinute);
    revocations.revoked(key.prefix());
    return new Remediation.Snapshot(null, key.id(), key.rateLimitOverride());
  }

  /** Reads a key. */
  Optional<ApiKey> find(String orgId, String keyId) {
    return keys.find(orgId, keyId);
  }

  /** Puts a key's earlier override back. */
  void restore(String orgId, ApiKey key, Integer perMinute) {
    keys.rateLimit(orgId, key.id(), perMinute);
    revocations.revoked(key.prefix());
  }
}
