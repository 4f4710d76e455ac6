package ai.agentlens.core.guardrail;

import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.port.storage.GuardrailStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * An org's guardrail rules as {@link GuardrailStore#list} answers them, read once per org and kept
 * for a time to live, so ingest (metric rules after every batch) and content evaluation do not read
 * the store per batch or request, and an org without rules costs a map lookup. A change made
 * through this process is seen at once ({@link #invalidate}); a change made by another process
 * (cloud: another gateway or worker) within the time to live. Thread-safe; two threads missing at
 * once may both read the store, and the later read wins.
 */
public final class RuleCache {

  /** Entries beyond which expired ones are swept on the next miss. */
  static final int SWEEP_ABOVE = 10_000;

  private record Entry(List<GuardrailRule> rules, long loadedAt, long generation) {}

  private final GuardrailStore store;
  private final LongSupplier nanoTime;
  private final long ttlNanos;
  private final Map<String, Entry> byOrg = new ConcurrentHashMap<>();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();

  /**
   * Creates the cache.
   *
   * @param store where rules are read
   * @param nanoTime the monotonic clock, e.g. {@code System::nanoTime}
   * @param ttlMillis how long a read stays valid, &ge; 0 (0 reads the store every time)
   */
  public RuleCache(GuardrailStore store, LongSupplier nanoTime, long ttlMillis) {
    if (ttlMillis < 0) {
      throw new IllegalArgumentException("ttlMillis must be >= 0");
    }
    this.store = store;
    this.nanoTime = nanoTime;
    this.ttlNanos = ttlMillis * 1_000_000L;
  }

  /**
   * Returns the org's rules that apply to an agent, in the store's order (oldest first, ties by
   * id).
   *
   * @param orgId the org
   * @param agentId only this agent's and global rules, or {@code null} for all
   * @return the rules (unmodifiable)
   */
  public List<GuardrailRule> list(String orgId, String agentId) {
    List<GuardrailRule> all = all(orgId);
    if (agentId == null || all.isEmpty()) {
      return all;
    }
    List<GuardrailRule> out = new ArrayList<>(all.size());
    for (GuardrailRule r : all) {
      if (r.appliesTo(agentId)) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Drops the org's cached rules; the next {@link #list} reads the store. Call after every change.
   *
   * @param orgId the org
   */
  public void invalidate(String orgId) {
    generations.merge(orgId, 1L, Long::sum);
    byOrg.remove(orgId);
  }

  private List<GuardrailRule> all(String orgId) {
    long now = nanoTime.getAsLong();
    Entry e = byOrg.get(orgId);
    if (e != null && now - e.loadedAt() < ttlNanos) {
      return e.rules();
    }
    if (byOrg.size() > SWEEP_ABOVE) {
      byOrg.values().removeIf(x -> now - x.loadedAt() >= ttlNanos);
    }
    long generation = generations.getOrDefault(orgId, 0L);
    List<GuardrailRule> rules = List.copyOf(store.list(orgId, null));
    // why: a change invalidated while this read ran must not be overwritten by the older answer
    Entry fresh = new Entry(rules, now, generation);
    byOrg.compute(
        orgId,
        (k, old) ->
            generations.getOrDefault(orgId, 0L) != generation
                ? old
                : old != null && old.loadedAt() - now > 0 ? old : fresh);
    return rules;
  }
}
