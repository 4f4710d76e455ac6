package ai.agentlens.ratelimit.contract;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.ratelimit.InMemoryRateLimiter;

/**
 * The kit's {@link RateLimiterContract} against core-domain's in-memory default, which
 * app-selfhosted wires. It runs here because core-domain cannot depend on the kit (the kit depends
 * on it).
 */
class InMemoryRateLimiterTest extends RateLimiterContract {

  private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(Clock.system());

  @Override
  protected RateLimiter limiter() {
    return limiter;
  }

  @Override
  protected RateLimiter otherInstance() {
    return null;
  }
}
