package ai.agentlens.contract.ratelimit;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.ratelimit.InMemoryRateLimiter;

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
