package ai.agentlens.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.RateLimiter.Take;
import ai.agentlens.ratelimit.contract.RateLimiterContract;
import ai.agentlens.testing.EmbeddedRedis;
import ai.agentlens.testing.TestRedis;
import java.util.List;
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

  @Test
  void aRequestsBucketsCostOneRoundTrip() {
    // why: a server of its own, so no other test's scripts are counted
    try (EmbeddedRedis redis = EmbeddedRedis.startOnFreePort();
        JedisPooled client = new JedisPooled(redis.asServer().uri())) {
      RedisRateLimiter limiter = new RedisRateLimiter(client, "rl:");
      limiter.acquire("key:warm", 1, 10);
      long before = scriptCalls(client);
      List<Take> takes =
          List.of(new Take("key:a", 5, 100), new Take("org:a", 5, 100), new Take("agent:a", 10, 9));
      assertThat(limiter.acquireAll(takes).refused()).isEqualTo(2);
      assertThat(limiter.acquireAll(takes.subList(0, 2)).allowed()).isTrue();
      limiter.releaseAll(takes.subList(0, 2));
      assertThat(scriptCalls(client) - before).as("one script call each").isEqualTo(3);
    }
  }

  private static long scriptCalls(JedisPooled client) {
    for (String line : client.info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_evalsha:")) {
        return Long.parseLong(line.replaceAll("^cmdstat_evalsha:calls=(\\d+),.*", "$1"));
      }
    }
    return 0;
  }
}
