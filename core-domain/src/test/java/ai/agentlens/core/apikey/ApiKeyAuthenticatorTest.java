package ai.agentlens.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.ApiKeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cache behaviour of the key check: refresh ahead of expiry without serving past it. */
class ApiKeyAuthenticatorTest {

  private final String key = ApiKeys.generate(KeyEnvironment.LIVE);
  private final AtomicReference<Instant> revokedAt = new AtomicReference<>();
  private final AtomicInteger verifications = new AtomicInteger();
  private final AtomicReference<String> storedHash = new AtomicReference<>("hash");
  private final java.util.concurrent.atomic.AtomicBoolean matches =
      new java.util.concurrent.atomic.AtomicBoolean(true);
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private final ApiKeyStore store =
      new ApiKeyStore() {
        @Override
        public void create(ApiKey k) {}

        @Override
        public Optional<ApiKey> findByPrefix(String prefix) {
          return Optional.of(
              new ApiKey(
                  "k1",
                  "org",
                  ApiKeys.prefix(key),
                  storedHash.get(),
                  KeyEnvironment.LIVE,
                  "n",
                  List.of("ingest"),
                  "u",
                  Instant.EPOCH,
                  null,
                  revokedAt.get(),
                  null));
        }

        @Override
        public Optional<ApiKey> find(String orgId, String keyId) {
          return Optional.empty();
        }

        @Override
        public List<ApiKey> list(String orgId) {
          return List.of();
        }

        @Override
        public boolean rateLimit(String orgId, String keyId, Integer perMinute) {
          return false;
        }

        @Override
        public void revoke(String orgId, String keyId, Instant at) {}

        @Override
        public void touch(String orgId, Map<String, Instant> lastUsed) {}
      };

  private final SecretHasher hasher =
      new SecretHasher() {
        @Override
        public String hash(String secret) {
          return "hash";
        }

        @Override
        public boolean verify(String secret, String hash) {
          verifications.incrementAndGet();
          return matches.get();
        }
      };

  @Test
  void aHitNearExpiryRefreshesInTheBackgroundAndARevocationStillTakesEffect() throws Exception {
    ApiKeyAuthenticator auth = new ApiKeyAuthenticator(store, hasher, now::get);
    assertThat(auth.authenticate(key)).isPresent();
    assertThat(verifications.get()).isEqualTo(1);

    now.addAndGet(ApiKeyAuthenticator.TTL_NANOS / 2);
    assertThat(auth.authenticate(key)).isPresent();
    assertThat(verifications.get()).as("well before expiry: cache only").isEqualTo(1);

    // in the refresh window: served from the cache, one background re-verification
    revokedAt.set(Instant.EPOCH);
    now.set(1_000_000_000L + ApiKeyAuthenticator.TTL_NANOS - 1);
    assertThat(auth.authenticate(key)).isPresent();
    waitFor(() -> auth.authenticate(key).isEmpty());
    assertThat(auth.authenticate(key)).as("the refresh saw the revocation").isEmpty();
  }

  @Test
  void anExpiredEntryIsNeverServed() {
    ApiKeyAuthenticator auth = new ApiKeyAuthenticator(store, hasher, now::get);
    assertThat(auth.authenticate(key)).isPresent();
    revokedAt.set(Instant.EPOCH);
    now.addAndGet(ApiKeyAuthenticator.TTL_NANOS);
    assertThat(auth.authenticate(key)).isEmpty();
  }

  @Test
  void aRenewalReadsTheRowAgainButRunsBcryptOnlyWhenItsHashChanged() {
    ApiKeyAuthenticator auth = new ApiKeyAuthenticator(store, hasher, now::get);
    assertThat(auth.authenticate(key)).isPresent();
    for (int i = 0; i < 5; i++) {
      now.addAndGet(ApiKeyAuthenticator.TTL_NANOS);
      assertThat(auth.authenticate(key)).isPresent();
    }
    assertThat(verifications.get()).as("one bcrypt for six TTLs").isEqualTo(1);

    storedHash.set("another-hash");
    matches.set(false);
    now.addAndGet(ApiKeyAuthenticator.TTL_NANOS);
    assertThat(auth.authenticate(key)).as("a new hash is verified again, and refused").isEmpty();
    assertThat(verifications.get()).isEqualTo(2);

    matches.set(true);
    now.addAndGet(ApiKeyAuthenticator.TTL_NANOS);
    assertThat(auth.authenticate(key)).as("a refusal is never renewed without bcrypt").isPresent();
    assertThat(verifications.get()).isEqualTo(3);
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
      never.await(10, TimeUnit.MILLISECONDS);
    }
  }
}
