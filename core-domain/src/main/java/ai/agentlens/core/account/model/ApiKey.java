package ai.agentlens.core.account.model;

import ai.agentlens.core.event.Times;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An API key's stored form (FR-13..FR-22): never the key itself, only its visible prefix and a
 * bcrypt hash.
 *
 * @param id stable id
 * @param orgId the org it is scoped to
 * @param prefix the first 16 characters of the key, e.g. {@code al_live_AbCdEfGh}; globally unique
 * @param keyHash bcrypt hash of the whole key
 * @param environment live or test
 * @param name label given by its creator
 * @param scopes permissions, e.g. {@code ingest}, {@code query}
 * @param createdBy creating user id
 * @param createdAt creation time
 * @param lastUsedAt last authenticated use, or {@code null}
 * @param revokedAt revocation time, or {@code null} while active
 * @param rateLimitOverride events per minute overriding the tier default, or {@code null}
 */
public record ApiKey(
    String id,
    String orgId,
    String prefix,
    String keyHash,
    KeyEnvironment environment,
    String name,
    List<String> scopes,
    String createdBy,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt,
    Integer rateLimitOverride) {

  /** Rejects missing fields and copies the scopes. */
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(keyHash, "keyHash");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    scopes = List.copyOf(scopes);
    createdAt = Times.micros(createdAt);
    lastUsedAt = Times.micros(lastUsedAt);
    revokedAt = Times.micros(revokedAt);
  }

  /**
   * Tells whether the key is revoked.
   *
   * @return {@code true} once revoked
   */
  public boolean revoked() {
    return revokedAt != null;
  }
}
