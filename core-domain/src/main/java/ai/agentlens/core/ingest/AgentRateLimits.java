package ai.agentlens.core.ingest;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.port.remediation.AgentSettingsStore.OrgSettings;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.remediation.model.AgentSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-agent constraints the gateway enforces: the limits that triggered {@code rate_limit}
 * guardrails set, and the agents' settings (a rate limit, disabled tools; seed 003 R8). Each org's
 * are read from the {@link AgentControlStore} and the {@link AgentSettingsStore} at most once per
 * TTL (so the hot path touches the database only through this cache, and a change takes effect
 * within the TTL, at once in the process that {@linkplain #invalidate made it}), and counted in the
 * shared {@link RateLimiter} under {@link #bucket}. Thread-safe.
 */
public final class AgentRateLimits {

  /** How long an org's limits are cached. */
  public static final Duration TTL = Duration.ofSeconds(5);

  /**
   * An org's constraints at one time.
   *
   * @param guardrail agent id to the events-per-minute limit a guardrail set
   * @param settings the org's stored settings
   */
  public record View(Map<String, Integer> guardrail, OrgSettings settings) {

    /**
     * Tells whether nothing constrains the org's agents.
     *
     * @return whether there are no limits and no settings
     */
    public boolean empty() {
      return guardrail.isEmpty() && settings.equals(OrgSettings.NONE);
    }

    /**
     * Returns the limit in force for an agent: the lower of a guardrail's and its settings'.
     *
     * @param agentId the agent
     * @return events per minute, or {@code null} when none
     */
    public Integer limit(String agentId) {
      Integer g = guardrail.get(agentId);
      Integer s = settings.effective(agentId).rateLimitPerMinute();
      if (g == null || s == null) {
        return g == null ? s : g;
      }
      return Math.min(g, s);
    }

    /**
     * Tells whether an agent's limit comes from its settings rather than a guardrail.
     *
     * @param agentId the agent
     * @return whether the settings' limit is the one in force
     */
    public boolean fromSettings(String agentId) {
      Integer g = guardrail.get(agentId);
      Integer s = settings.effective(agentId).rateLimitPerMinute();
      return s != null && (g == null || s < g);
    }

    /**
     * Returns an agent's effective settings.
     *
     * @param agentId the agent
     * @return its row over the org defaults
     */
    public AgentSettings effective(String agentId) {
      return settings.effective(agentId);
    }
  }

  private record Cached(View view, Instant readAt) {}

  private final AgentControlStore controls;
  private final AgentSettingsStore settings;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * Creates the cache of guardrail limits only.
   *
   * @param controls where the limits are stored
   * @param clock the time
   */
  public AgentRateLimits(AgentControlStore controls, Clock clock) {
    this(controls, null, clock);
  }

  /**
   * Creates the cache.
   *
   * @param controls where the guardrails' limits are stored
   * @param settings the agents' settings, or {@code null} for none
   * @param clock the time
   */
  public AgentRateLimits(AgentControlStore controls, AgentSettingsStore settings, Clock clock) {
    this.controls = controls;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Returns the org's agents under a guardrail's limit now.
   *
   * @param orgId the org
   * @return agent id to events per minute; empty when none
   */
  public Map<String, Integer> of(String orgId) {
    return view(orgId).guardrail();
  }

  /**
   * Returns the org's constraints now.
   *
   * @param orgId the org
   * @return the view
   */
  public View view(String orgId) {
    Instant now = clock.now();
    Cached c = cache.get(orgId);
    if (c == null || !now.isBefore(c.readAt().plus(TTL))) {
      OrgSettings s = settings == null ? OrgSettings.NONE : settings.all(orgId);
      c = new Cached(new View(Map.copyOf(controls.activeRateLimits(orgId, now)), s), now);
      cache.put(orgId, c);
    }
    return c.view();
  }

  /**
   * Forgets an org's cached constraints, so this process reads them afresh on the next request.
   *
   * @param orgId the org
   */
  public void invalidate(String orgId) {
    cache.remove(orgId);
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
