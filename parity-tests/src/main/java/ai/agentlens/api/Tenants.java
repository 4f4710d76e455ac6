package ai.agentlens.api;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.port.storage.OrgStore;
import java.util.List;
import java.util.UUID;

/**
 * Orgs and API keys for API tests, created through the launcher's own stores and hasher (the
 * management API is another issue's). Every test gets fresh ones, so tests never share data.
 */
public final class Tenants {

  /**
   * An org with one key.
   *
   * @param orgId the org
   * @param key the full API key
   * @param keyId the key's id
   */
  public record Tenant(String orgId, String key, String keyId) {}

  private final TestStack stack;

  /**
   * Creates the helper.
   *
   * @param stack the running launcher
   */
  public Tenants(TestStack stack) {
    this.stack = stack;
  }

  /**
   * Creates an org on a plan, with one live key.
   *
   * @param plan the plan
   * @param rateLimitOverride the key's override, or {@code null}
   * @return the tenant
   */
  public Tenant create(Plan plan, Integer rateLimitOverride) {
    String orgId = "org_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    var now = stack.bean(Clock.class).now();
    stack
        .bean(OrgStore.class)
        .create(
            new Org(
                orgId,
                orgId.replace('_', '-'),
                "Test " + orgId,
                plan,
                OrgSettings.defaults(Tiers.of(plan).retentionDays()),
                now));
    return new Tenant(orgId, addKey(orgId, rateLimitOverride), null);
  }

  /**
   * Adds a key to an org.
   *
   * @param orgId the org
   * @param rateLimitOverride the key's override, or {@code null}
   * @return the full key
   */
  public String addKey(String orgId, Integer rateLimitOverride) {
    String key = ApiKeys.generate(KeyEnvironment.LIVE);
    stack
        .bean(ApiKeyStore.class)
        .create(
            new ApiKey(
                "key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                orgId,
                ApiKeys.prefix(key),
                stack.bean(SecretHasher.class).hash(key),
                KeyEnvironment.LIVE,
                "test key",
                List.of("ingest", "query"),
                "test",
                stack.bean(Clock.class).now(),
                null,
                null,
                rateLimitOverride));
    return key;
  }

  /**
   * Revokes a key now.
   *
   * @param orgId the org
   * @param key the full key
   */
  public void revoke(String orgId, String key) {
    ApiKeyStore keys = stack.bean(ApiKeyStore.class);
    ApiKey stored = keys.findByPrefix(ApiKeys.prefix(key)).orElseThrow();
    keys.revoke(orgId, stored.id(), stack.bean(Clock.class).now());
  }
}
