package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.ApiKeyStore} contract (FR-13..FR-22): a key is found by
 * its 16-character prefix in any org (prefixes are unique across orgs, a taken one is a conflict),
 * listed and revoked per org (revoking twice is a no-op), and its last use only ever moves forward.
 */
public abstract class ApiKeyStoreContract extends StorageContract {

  static ApiKey key(String org, String prefix, Instant at) {
    return new ApiKey(
        id("key"),
        org,
        prefix,
        "$2a$10$hash",
        KeyEnvironment.LIVE,
        "ci",
        List.of("ingest", "query"),
        "user-1",
        at,
        null,
        null,
        500);
  }

  static String prefix() {
    return "al_live_" + id("p").substring(2, 10);
  }

  @Test
  void keysAreFoundByPrefixInAnyOrgListedAndRevokedIdempotently() {
    String a = newOrg().id();
    String b = newOrg().id();
    ApiKey ka = key(a, prefix(), now.get());
    ApiKey kb = key(b, prefix(), now.get().plusSeconds(1));
    stores.apiKeys().create(ka);
    stores.apiKeys().create(kb);
    assertThat(stores.apiKeys().findByPrefix(kb.prefix())).contains(kb);
    assertThat(stores.apiKeys().findByPrefix(ka.prefix()).orElseThrow().orgId()).isEqualTo(a);
    assertThat(stores.apiKeys().list(a)).containsExactly(ka);
    Instant first = now.get().plusSeconds(10);
    stores.apiKeys().revoke(a, ka.id(), first);
    stores.apiKeys().revoke(a, ka.id(), first.plusSeconds(10));
    assertThat(stores.apiKeys().find(a, ka.id()).orElseThrow().revokedAt()).isEqualTo(first);
    assertThatThrownBy(() -> stores.apiKeys().revoke(a, kb.id(), first))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void lastUseOnlyMovesForward() {
    String org = newOrg().id();
    ApiKey k = key(org, prefix(), now.get());
    stores.apiKeys().create(k);
    Instant later = now.get().plusSeconds(60);
    stores.apiKeys().touch(org, Map.of(k.id(), later, "unknown", later));
    stores.apiKeys().touch(org, Map.of(k.id(), later.minusSeconds(30)));
    assertThat(stores.apiKeys().find(org, k.id()).orElseThrow().lastUsedAt()).isEqualTo(later);
  }

  @Test
  void prefixesAreUniqueAndSixteenCharacters() {
    String org = newOrg().id();
    ApiKey k = key(org, prefix(), now.get());
    stores.apiKeys().create(k);
    assertThatThrownBy(() -> stores.apiKeys().create(key(newOrg().id(), k.prefix(), now.get())))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> stores.apiKeys().create(key(org, "al_live_short", now.get())))
        .isInstanceOf(InvalidInputException.class);
  }
}
