package ai.agentlens.core.guardrail;

import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.ingest.AcceptEvents;
import ai.agentlens.core.ingest.AgentRateLimits;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.remediation.AgentSettingsEditor;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.core.risk.LlmExchange;
import ai.agentlens.core.risk.RiskScorer;
import java.time.Instant;

/**
 * The request variant of {@code POST /api/guardrails/evaluate} (reference §4.3.6, {@code
 * {request:{agentId}}}): may this agent proceed now, and what applies to it. It is not allowed when
 * paused, when a rate limit (a {@code rate_limit} guardrail's or the agent's settings', the lower
 * one) is in force and the agent's bucket (the one ingest counts its events in) has no room for one
 * more event now, when the request names a tool or route the agent's settings disable, or when its
 * prompt's risk score reaches the agent's risk threshold, or when the calling API key's override (a
 * {@code rate_limit} remediation on the key) has no room now. The check takes nothing from the
 * buckets: it asks for one permit and gives it back.
 */
public final class RequestCheck {

  /**
   * What the caller is about to do, each part optional.
   *
   * @param toolName the tool it will call, or {@code null}
   * @param route the route it serves, or {@code null}
   * @param prompt the prompt it will send, or {@code null}
   * @param keyId the calling API key, or {@code null}
   * @param keyRateLimit that key's events-per-minute override (a {@code rate_limit} remediation's),
   *     or {@code null}
   */
  public record Ask(
      String toolName, String route, String prompt, String keyId, Integer keyRateLimit) {

    /** Nothing named. */
    public static final Ask NONE = new Ask(null, null, null, null, null);
  }

  /**
   * The answer.
   *
   * @param allowed whether the agent may proceed
   * @param control what guardrails set on it ({@link AgentControl#NONE} for an unknown agent)
   * @param rateLimit the limit in force, or {@code null}
   * @param rateLimited whether that limit is exhausted now
   * @param retryAfterSeconds when exhausted, seconds until one more event fits; else 0
   * @param settings the agent's effective settings
   * @param rateLimitFromSettings whether the limit in force is the settings' one
   * @param blocked the disabled tool or route the request names, or {@code null}
   * @param riskScore the prompt's risk score, or {@code null} without a prompt or threshold
   * @param keyLimited whether the calling key's override is exhausted now
   */
  public record Outcome(
      boolean allowed,
      AgentControl control,
      Integer rateLimit,
      boolean rateLimited,
      long retryAfterSeconds,
      AgentSettings settings,
      boolean rateLimitFromSettings,
      String blocked,
      Integer riskScore,
      boolean keyLimited) {}

  private final AgentControlStore controls;
  private final AgentSettingsEditor settings;
  private final RateLimiter limiter;
  private final Clock clock;
  private final RiskScorer scorer = new RiskScorer();

  /**
   * Wires the check without agent settings.
   *
   * @param controls the agents' controls
   * @param limiter the limiter ingest uses
   * @param clock the time
   */
  public RequestCheck(AgentControlStore controls, RateLimiter limiter, Clock clock) {
    this(controls, null, limiter, clock);
  }

  /**
   * Wires the check.
   *
   * @param controls the agents' controls
   * @param settings the agents' settings, or {@code null}
   * @param limiter the limiter ingest uses
   * @param clock the time
   */
  public RequestCheck(
      AgentControlStore controls, AgentSettingsEditor settings, RateLimiter limiter, Clock clock) {
    this.controls = controls;
    this.settings = settings;
    this.limiter = limiter;
    this.clock = clock;
  }

  /**
   * Checks an agent.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return the outcome
   * @throws IllegalStateException when the rate limiter's store is unreachable
   */
  public Outcome check(String orgId, String agentId) {
    return check(orgId, agentId, Ask.NONE);
  }

  /**
   * Checks an agent about to do something.
   *
   * @param orgId the org
   * @param agentId the agent
   * @param ask what it is about to do
   * @return the outcome
   * @throws IllegalStateException when the rate limiter's store is unreachable
   */
  public Outcome check(String orgId, String agentId, Ask ask) {
    AgentControl c = controls.find(orgId, agentId).orElse(AgentControl.NONE);
    AgentSettings s = settings == null ? AgentSettings.NONE : settings.effective(orgId, agentId);
    Instant now = clock.now();
    Integer guardrail = c.activeRateLimit(now);
    Integer own = s.rateLimitPerMinute();
    boolean fromSettings = own != null && (guardrail == null || own < guardrail);
    Integer limit = fromSettings ? own : guardrail;
    boolean limited = false;
    long retry = 0;
    if (limit != null) {
      String bucket = AgentRateLimits.bucket(orgId, agentId);
      RateLimiter.Decision d = limiter.acquire(bucket, 1, limit);
      if (d.allowed()) {
        limiter.release(bucket, 1, limit);
      } else {
        limited = true;
        retry = d.retryAfterSeconds();
      }
    }
    boolean keyLimited = false;
    if (ask.keyId() != null && ask.keyRateLimit() != null) {
      String bucket = AcceptEvents.keyBucket(ask.keyId());
      RateLimiter.Decision d = limiter.acquire(bucket, 1, ask.keyRateLimit());
      if (d.allowed()) {
        limiter.release(bucket, 1, ask.keyRateLimit());
      } else {
        keyLimited = true;
        retry = Math.max(retry, d.retryAfterSeconds());
      }
    }
    String blocked =
        s.toolDisabled(ask.toolName())
            ? "tool:" + ask.toolName()
            : s.routeDisabled(ask.route()) ? "route:" + ask.route() : null;
    Integer risk = null;
    if (ask.prompt() != null && s.riskThreshold() != null) {
      risk = scorer.assess(new LlmExchange(ask.prompt(), null, null, false, null, null)).score();
    }
    boolean risky = risk != null && s.tooRisky(risk);
    boolean allowed = c.pausedAt() == null && !limited && !keyLimited && blocked == null && !risky;
    return new Outcome(
        allowed, c, limit, limited, retry, s, fromSettings, blocked, risk, keyLimited);
  }
}
