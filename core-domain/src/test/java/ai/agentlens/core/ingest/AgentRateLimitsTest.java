package ai.agentlens.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.guardrail.RequestCheck;
import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.ratelimit.InMemoryRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AgentRateLimitsTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final AtomicInteger reads = new AtomicInteger();
  private final Map<String, AgentControl> agents = new HashMap<>();

  private final AgentControlStore controls =
      new AgentControlStore() {
        @Override
        public Optional<AgentControl> find(String orgId, String agentId) {
          return Optional.ofNullable(agents.get(agentId));
        }

        @Override
        public boolean pause(String orgId, String agentId, Instant at, String reason) {
          return false;
        }

        @Override
        public boolean unpause(String orgId, String agentId) {
          return false;
        }

        @Override
        public boolean overrideModel(String orgId, String agentId, String model) {
          return false;
        }

        @Override
        public boolean rateLimit(String orgId, String agentId, int perMinute, Instant until) {
          agents.put(agentId, new AgentControl(null, null, null, perMinute, until, null));
          return true;
        }

        @Override
        public Map<String, Integer> activeRateLimits(String orgId, Instant at) {
          reads.incrementAndGet();
          Map<String, Integer> out = new HashMap<>();
          agents.forEach(
              (id, c) -> {
                if (c.activeRateLimit(at) != null) {
                  out.put(id, c.activeRateLimit(at));
                }
              });
          return out;
        }

        @Override
        public boolean policy(String orgId, String agentId, String policy) {
          return false;
        }

        @Override
        public Map<String, AgentControl> controlled(String orgId) {
          return Map.copyOf(agents);
        }
      };

  @Test
  void anOrgsLimitsAreReadOncePerTtlAndLapse() {
    AgentRateLimits limits = new AgentRateLimits(controls, now::get);
    assertThat(limits.of("o1")).isEmpty();
    controls.rateLimit("o1", "bot", 3, T0.plus(Duration.ofMinutes(10)));
    // cached: the new limit is seen once the TTL has passed, with one more read
    now.set(T0.plusSeconds(4));
    assertThat(limits.of("o1")).isEmpty();
    assertThat(reads.get()).isEqualTo(1);
    now.set(T0.plus(AgentRateLimits.TTL));
    assertThat(limits.of("o1")).containsExactly(Map.entry("bot", 3));
    assertThat(reads.get()).isEqualTo(2);
    now.set(T0.plus(Duration.ofMinutes(10)));
    assertThat(limits.of("o1")).isEmpty();
    assertThat(AgentRateLimits.bucket("o1", "bot")).isEqualTo("agent:o1:bot");
  }

  @Test
  void theRequestCheckRefusesOnlyWhenTheBucketIsEmptyAndTakesNothing() {
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(now::get);
    RequestCheck check = new RequestCheck(controls, limiter, now::get);
    assertThat(check.check("o1", "ghost").allowed()).isTrue();
    controls.rateLimit("o1", "bot", 2, T0.plus(Duration.ofMinutes(10)));
    for (int i = 0; i < 5; i++) {
      RequestCheck.Outcome o = check.check("o1", "bot");
      assertThat(o.allowed()).isTrue();
      assertThat(o.rateLimit()).isEqualTo(2);
      assertThat(o.rateLimited()).isFalse();
    }
    String bucket = AgentRateLimits.bucket("o1", "bot");
    assertThat(limiter.acquire(bucket, 2, 2).allowed()).isTrue();
    RequestCheck.Outcome full = check.check("o1", "bot");
    assertThat(full.allowed()).isFalse();
    assertThat(full.rateLimited()).isTrue();
    assertThat(full.retryAfterSeconds()).isEqualTo(30);
    now.set(T0.plus(Duration.ofMinutes(10)));
    assertThat(check.check("o1", "bot").rateLimit()).isNull();
    assertThat(check.check("o1", "bot").allowed()).isTrue();
  }
}
