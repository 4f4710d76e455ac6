package ai.agentlens.core.account;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.enrich.RedactionRules;
import ai.agentlens.core.port.storage.OrgStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Orgs as the hot path needs them (plan, settings, compiled redaction rules), cached for a few
 * seconds so neither the gateway nor the worker reads the database per request. A settings change
 * therefore takes effect within {@link #TTL_NANOS}.
 */
public final class OrgDirectory {

  /** How long an org is served from the cache. */
  public static final long TTL_NANOS = 5_000_000_000L;

  /**
   * An org with its compiled rules.
   *
   * @param org the org
   * @param redaction its compiled redaction rules
   */
  public record Entry(Org org, RedactionRules redaction) {}

  private record Cached(Entry entry, long expiresAt) {}

  private final OrgStore orgs;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * Creates a directory.
   *
   * @param orgs the store
   * @param nanoTime a monotonic clock ({@code System::nanoTime})
   */
  public OrgDirectory(OrgStore orgs, LongSupplier nanoTime) {
    this.orgs = orgs;
    this.nanoTime = nanoTime;
  }

  /**
   * Returns an org, from the cache when fresh.
   *
   * @param orgId the org
   * @return the org and its rules, or empty when it does not exist (e.g. deleted)
   */
  public Optional<Entry> find(String orgId) {
    long now = nanoTime.getAsLong();
    Cached cached = cache.get(orgId);
    if (cached != null && cached.expiresAt() - now > 0) {
      return Optional.of(cached.entry());
    }
    Optional<Entry> entry = orgs.find(orgId).map(o -> new Entry(o, compile(o)));
    entry.ifPresentOrElse(
        e -> cache.put(orgId, new Cached(e, now + TTL_NANOS)), () -> cache.remove(orgId));
    return entry;
  }

  /**
   * Drops an org from the cache, e.g. after its settings or plan changed on this instance.
   *
   * @param orgId the org
   */
  public void invalidate(String orgId) {
    cache.remove(orgId);
  }

  private static RedactionRules compile(Org org) {
    try {
      return RedactionRules.compile(org.settings().redactionRules());
    } catch (IllegalArgumentException e) {
      // why: rules are validated when saved; a rule stored before that check must not stop ingest
      return RedactionRules.NONE;
    }
  }
}
