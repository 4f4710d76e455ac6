package ai.agentlens.coordination.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.ratelimit.contract.RateLimiterContract;
import ai.agentlens.testing.EmbeddedRedis;
import ai.agentlens.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The test kit's {@link RateLimiterContract} against Redis (two clients share one budget, as two
 * app-cloud instances do), plus what only a server backend can show.
 */
class RedisRateLimiterTest extends RateLimiterContract {

  private static JedisPooled first;
  private static JedisPooled second;

  @BeforeAll
  static void connect() {
    first = new JedisPooled(TestRedis.server().uri());
    second = new JedisPooled(TestRedis.server().uri());
  }

  @AfterAll
  static void close() {
    first.close();
    second.close();
  }

  @Override
  protected RateLimiter limiter() {
    return new RedisRateLimiter(first, TestRedis.keyPrefix() + "rl:");
  }

  @Override
  protected RateLimiter otherInstance() {
    return new RedisRateLimiter(second, TestRedis.keyPrefix() + "rl:");
  }

  @Test
  void unreachableRedisIsAnErrorNotASilentAllow() {
    try (EmbeddedRedis redis = EmbeddedRedis.startOnFreePort();
        JedisPooled client = new JedisPooled(redis.asServer().uri())) {
      RedisRateLimiter limiter = new RedisRateLimiter(client, "rl:");
      limiter.acquire("key:x", 1, 10);
      redis.stop();
      assertThatThrownBy(() -> limiter.acquire("key:x", 1, 10))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("rate limiter unavailable");
      redis.start();
      limiter.acquire("key:x", 1, 10);
    }
  }
}
