package ai.agentlens.core.apikey;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import java.util.List;
import java.util.Map;

/**
 * API key management, Owner and Admin only (FR-13..FR-22): create (the full key is returned once),
 * list (prefixes only), revoke (effective on every instance within 5 s, FR-18).
 */
public final class ApiKeyAdmin {

  /** Scopes of keys created here. */
  public static final List<String> DEFAULT_SCOPES = List.of("ingest", "query");

  /**
   * A new key.
   *
   * @param key the stored key (prefix and hash only)
   * @param secret the full key; returned exactly once (FR-15)
   */
  public record Created(ApiKey key, String secret) {}

  private final AccountPorts ports;
  private final Access access;
  private final AuditTrail audit;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param access the permission gate
   * @param audit the audit trail
   */
  public ApiKeyAdmin(AccountPorts ports, Access access, AuditTrail audit) {
    this.ports = ports;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Creates a key.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param name a label, 1..200 characters
   * @param environment live or test
   * @param rateLimitOverride events per minute (capped by the tier), or {@code null}
   * @return the key and its secret
   * @throws AccountException LIMIT when the org has as many active keys as its tier allows
   */
  public Created create(
      Caller caller,
      String orgId,
      String name,
      KeyEnvironment environment,
      Integer rateLimitOverride) {
    access.require(caller, orgId, Permission.MANAGE_KEYS);
    if (name == null || name.isBlank() || name.trim().length() > 200) {
      throw AccountException.invalid("name: 1..200 characters");
    }
    if (rateLimitOverride != null && rateLimitOverride <= 0) {
      throw AccountException.invalid("rateLimitOverride: must be > 0");
    }
    Org org = ports.stores().orgs().find(orgId).orElseThrow();
    int limit = Tiers.of(org.plan()).apiKeys();
    long active = ports.stores().apiKeys().list(orgId).stream().filter(k -> !k.revoked()).count();
    if (Tier.limited(limit) && active >= limit) {
      throw AccountException.limit("Your plan allows " + limit + " active API keys");
    }
    KeyEnvironment env = environment == null ? KeyEnvironment.LIVE : environment;
    for (int attempt = 0; ; attempt++) {
      String secret = ApiKeys.generate(env);
      ApiKey key =
          new ApiKey(
              ports.ids().get(),
              orgId,
              ApiKeys.prefix(secret),
              ports.hasher().hash(secret),
              env,
              name.trim(),
              DEFAULT_SCOPES,
              caller.userId(),
              ports.clock().now(),
              null,
              null,
              rateLimitOverride);
      try {
        ports.stores().apiKeys().create(key);
      } catch (ConflictException e) {
        if (attempt < 3) {
          continue; // why: a prefix collision; mint another key
        }
        throw e;
      }
      audit.user(
          orgId,
          caller,
          "api_key.create",
          "api_key",
          key.id(),
          AuditResult.SUCCESS,
          Map.of("prefix", key.prefix(), "name", key.name()));
      return new Created(key, secret);
    }
  }

  /**
   * Lists an org's keys, revoked ones included.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @return the keys, newest first
   */
  public List<ApiKey> list(Caller caller, String orgId) {
    access.require(caller, orgId, Permission.MANAGE_KEYS);
    return ports.stores().apiKeys().list(orgId);
  }

  /**
   * Revokes a key and broadcasts the revocation.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param keyId the key
   * @return the revoked key
   */
  public ApiKey revoke(Caller caller, String orgId, String keyId) {
    access.require(caller, orgId, Permission.MANAGE_KEYS);
    ApiKey key =
        ports
            .stores()
            .apiKeys()
            .find(orgId, keyId)
            .orElseThrow(() -> AccountException.notFound("API key not found"));
    ports.stores().apiKeys().revoke(orgId, keyId, ports.clock().now());
    ports.revocations().revoked(key.prefix());
    audit.user(
        orgId,
        caller,
        "api_key.revoke",
        "api_key",
        keyId,
        AuditResult.SUCCESS,
        Map.of("prefix", key.prefix()));
    return ports.stores().apiKeys().find(orgId, keyId).orElseThrow();
  }
}
