package ai.agentlens.core.ingest;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.storage.AgentControlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-agent limits that triggered {@code rate_limit} guardrails set, as the gateway sees them:
 * each org's active limits are read from the {@link AgentControlStore} at most once per TTL (so the
 * hot path touches the database only through this cache, and a new limit takes effect within the
 * TTL), and counted in the shared {@link RateLimiter} under {@link #bucket}. Thread-safe.
 */
public final class AgentRateLimits {

  /** How long an org's limits are cached. */
  public static final Duration TTL = Duration.ofSeconds(5);

  private record Cached(Map<String, Integer> limits, Instant readAt) {}

  private final AgentControlStore controls;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * Creates the cache.
   *
   * @param controls where the limits are stored
   * @param clock the time
   */
  public AgentRateLimits(AgentControlStore controls, Clock clock) {
    this.controls = controls;
    this.clock = clock;
  }

  /**
   * Returns the org's agents under a limit now.
   *
   * @param orgId the org
   * @return agent id to events per minute; empty when none
   */
  public Map<String, Integer> of(String orgId) {
    Instant now = clock.now();
    Cached c = cache.get(orgId);
    if (c == null || !now.isBefore(c.readAt().plus(TTL))) {
      c = new Cached(Map.copyOf(controls.activeRateLimits(orgId, now)), now);
      cache.put(orgId, c);
    }
    return c.limits();
  }

  /**
   * Names an agent's bucket in the {@link RateLimiter}.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return the bucket name
   */
  public static String bucket(String orgId, String agentId) {
    return "agent:" + orgId + ":" + agentId;
  }
}
