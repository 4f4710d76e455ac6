package ai.agentlens.core.apikey;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Verifies API keys (FR-18, FR-24, NFR-05). A cold check finds the stored key by its 16-character
 * prefix and verifies the bcrypt hash (tens of milliseconds, by design); its outcome, positive or
 * negative, is cached under the SHA-256 of the presented key for {@link #TTL_NANOS}, so a warm
 * check costs one hash and one map lookup. Revocation therefore takes effect within the TTL on
 * every instance, and immediately where {@link #invalidate} is called. Concurrent cold checks of
 * one key share one verification. A positive outcome is renewed without bcrypt: the stored row is
 * read again and, while it still holds the very hash the key was verified against and is not
 * revoked, the key still matches it (bcrypt ran every 4 s per active key before, 3.6 % of a core
 * under load with one key).
 */
public final class ApiKeyAuthenticator {

  /** How long a verification is trusted: under the 5 s that FR-18 allows. */
  public static final long TTL_NANOS = 4_000_000_000L;

  private static final int MAX_ENTRIES = 100_000;

  /** Within this time of expiry, a hit also starts a background re-verification. */
  static final long REFRESH_AHEAD_NANOS = 1_000_000_000L;

  // why: one daemon thread; refreshes are rare (one per key per TTL) and bcrypt-bound
  private static final java.util.concurrent.ExecutorService REFRESHER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "api-key-refresh");
            t.setDaemon(true);
            return t;
          });

  /**
   * One cached outcome.
   *
   * @param principal the key's principal, or {@code null} for a refused credential
   * @param keyHash the stored hash the key was verified against, or {@code null} when refused
   * @param expiresAt when it stops being trusted (monotonic nanoseconds)
   */
  private record Cached(ApiKeyPrincipal principal, String keyHash, long expiresAt) {}

  private final ApiKeyStore keys;
  private final SecretHasher hasher;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.LongAdder hits =
      new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder misses =
      new java.util.concurrent.atomic.LongAdder();
  private final ConcurrentHashMap<String, CompletableFuture<Cached>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * Creates an authenticator.
   *
   * @param keys the key store
   * @param hasher bcrypt
   * @param nanoTime a monotonic clock ({@code System::nanoTime})
   */
  public ApiKeyAuthenticator(ApiKeyStore keys, SecretHasher hasher, LongSupplier nanoTime) {
    this.keys = keys;
    this.hasher = hasher;
    this.nanoTime = nanoTime;
  }

  /**
   * Authenticates a presented credential.
   *
   * @param credential what followed {@code Bearer }
   * @return the principal, or empty when the credential is malformed, unknown, revoked or wrong
   */
  public Optional<ApiKeyPrincipal> authenticate(String credential) {
    Optional<String> key = ApiKeys.parse(credential);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String digest = sha256(key.get());
    Cached cached = cache.get(digest);
    if (cached != null) {
      long left = cached.expiresAt() - nanoTime.getAsLong();
      if (left > 0) {
        if (left < REFRESH_AHEAD_NANOS) {
          refreshAhead(digest, key.get(), cached);
        }
        hits.increment();
        return Optional.ofNullable(cached.principal());
      }
    }
    misses.increment();
    CompletableFuture<Cached> mine = new CompletableFuture<>();
    CompletableFuture<Cached> running = inFlight.putIfAbsent(digest, mine);
    if (running != null) {
      return Optional.ofNullable(running.join().principal());
    }
    try {
      Cached fresh = check(key.get(), cached);
      if (cache.size() >= MAX_ENTRIES) {
        long now = nanoTime.getAsLong();
        cache.values().removeIf(c -> c.expiresAt() - now <= 0);
      }
      cache.put(digest, fresh);
      mine.complete(fresh);
      return Optional.ofNullable(fresh.principal());
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(digest, mine);
    }
  }

  /**
   * Re-verifies a key whose cached outcome expires soon, in the background, so callers keep using
   * the still-valid entry instead of all waiting for bcrypt when it expires. The entry's own expiry
   * is unchanged: a revoked key is refused at the latest when it runs out, as before.
   */
  private void refreshAhead(String digest, String key, Cached previous) {
    CompletableFuture<Cached> mine = new CompletableFuture<>();
    if (inFlight.putIfAbsent(digest, mine) != null) {
      return;
    }
    try {
      REFRESHER.execute(
          () -> {
            try {
              Cached fresh = check(key, previous);
              cache.put(digest, fresh);
              mine.complete(fresh);
            } catch (RuntimeException e) {
              mine.completeExceptionally(e);
            } finally {
              inFlight.remove(digest, mine);
            }
          });
    } catch (RuntimeException rejected) {
      inFlight.remove(digest, mine);
      mine.cancel(false);
    }
  }

  /**
   * Counts well-formed credentials answered from the cache, since start.
   *
   * @return the hits
   */
  public long cacheHits() {
    return hits.sum();
  }

  /**
   * Counts well-formed credentials that had to be looked up and verified (or waited for a
   * concurrent verification), since start.
   *
   * @return the misses
   */
  public long cacheMisses() {
    return misses.sum();
  }

  /**
   * Forgets every cached verification of a key, e.g. on revocation.
   *
   * @param prefix the key's visible prefix
   */
  public void invalidate(String prefix) {
    cache.values().removeIf(c -> c.principal() != null && c.principal().prefix().equals(prefix));
  }

  /**
   * Looks the key up and decides, with bcrypt unless the previous positive outcome was against the
   * hash the row still holds.
   */
  private Cached check(String key, Cached previous) {
    Optional<ApiKey> stored = keys.findByPrefix(ApiKeys.prefix(key));
    long until = nanoTime.getAsLong() + TTL_NANOS;
    if (stored.isEmpty() || stored.get().revoked()) {
      return new Cached(null, null, until);
    }
    ApiKey k = stored.get();
    // why: bcrypt proved this key matches that hash; while the row holds the same hash it still
    // does, so only revocation and the row's other fields need reading again
    boolean known =
        previous != null
            && previous.keyHash() != null
            && MessageDigest.isEqual(
                previous.keyHash().getBytes(StandardCharsets.UTF_8),
                k.keyHash().getBytes(StandardCharsets.UTF_8));
    if (!known && !hasher.verify(key, k.keyHash())) {
      return new Cached(null, null, until);
    }
    return new Cached(
        new ApiKeyPrincipal(k.id(), k.orgId(), k.prefix(), k.rateLimitOverride()),
        k.keyHash(),
        until);
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
