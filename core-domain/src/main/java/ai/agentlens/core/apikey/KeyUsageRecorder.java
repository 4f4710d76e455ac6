package ai.agentlens.core.apikey;

import ai.agentlens.core.port.storage.ApiKeyStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects "key used at" facts on the request path (a map put) and writes them in batches, off the
 * request path (FR-21). Only the latest use per key is kept between flushes.
 */
public final class KeyUsageRecorder {

  private final ApiKeyStore keys;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Instant>> pending =
      new ConcurrentHashMap<>();

  /**
   * Creates a recorder.
   *
   * @param keys where {@link #flush} writes
   */
  public KeyUsageRecorder(ApiKeyStore keys) {
    this.keys = keys;
  }

  /**
   * Notes a use of a key.
   *
   * @param key the key
   * @param at when
   */
  public void record(ApiKeyPrincipal key, Instant at) {
    pending
        .computeIfAbsent(key.orgId(), o -> new ConcurrentHashMap<>())
        .merge(key.keyId(), at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /**
   * Writes what was noted since the last flush, one store call per org. Call it periodically and at
   * shutdown; failures keep nothing (a missed {@code last_used_at} update is not worth a retry
   * loop) and are rethrown for the caller to log.
   *
   * @return the number of keys written
   */
  public int flush() {
    int written = 0;
    for (String orgId : pending.keySet()) {
      Map<String, Instant> uses = pending.remove(orgId);
      if (uses != null && !uses.isEmpty()) {
        keys.touch(orgId, Map.copyOf(uses));
        written += uses.size();
      }
    }
    return written;
  }
}
