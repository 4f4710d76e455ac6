package ai.agentlens.core.guardrail;

import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.ingest.AgentRateLimits;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.storage.AgentControlStore;
import java.time.Instant;

/**
 * The request variant of {@code POST /api/guardrails/evaluate} (reference §4.3.6, {@code
 * {request:{agentId}}}): may this agent proceed now, and what applies to it. It is not allowed when
 * paused, or when a {@code rate_limit} guardrail's limit is in force and the agent's bucket (the
 * one ingest counts its events in) has no room for one more event now. The check takes nothing from
 * the bucket: it asks for one permit and gives it back.
 */
public final class RequestCheck {

  /**
   * The answer.
   *
   * @param allowed whether the agent may proceed
   * @param control what guardrails set on it ({@link AgentControl#NONE} for an unknown agent)
   * @param rateLimit the limit in force, or {@code null}
   * @param rateLimited whether that limit is exhausted now
   * @param retryAfterSeconds when exhausted, seconds until one more event fits; else 0
   */
  public record Outcome(
      boolean allowed,
      AgentControl control,
      Integer rateLimit,
      boolean rateLimited,
      long retryAfterSeconds) {}

  private final AgentControlStore controls;
  private final RateLimiter limiter;
  private final Clock clock;

  /**
   * Wires the check.
   *
   * @param controls the agents' controls
   * @param limiter the limiter ingest uses
   * @param clock the time
   */
  public RequestCheck(AgentControlStore controls, RateLimiter limiter, Clock clock) {
    this.controls = controls;
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
    AgentControl c = controls.find(orgId, agentId).orElse(AgentControl.NONE);
    Instant now = clock.now();
    Integer limit = c.activeRateLimit(now);
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
    return new Outcome(c.pausedAt() == null && !limited, c, limit, limited, retry);
  }
}
