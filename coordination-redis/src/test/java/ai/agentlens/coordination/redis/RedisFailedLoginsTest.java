package ai.agentlens.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.FailedLogins;
import ai.agentlens.signin.contract.FailedLoginsContract;
import ai.agentlens.testing.EmbeddedRedis;
import ai.agentlens.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The test kit's {@link FailedLoginsContract} against Redis (two clients share one count, as two
 * app-cloud instances do), plus what only a server backend can show.
 */
class RedisFailedLoginsTest extends FailedLoginsContract {

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
  protected FailedLogins failedLogins() {
    return new RedisFailedLogins(first, TestRedis.keyPrefix() + "fl:");
  }

  @Override
  protected FailedLogins otherInstance() {
    return new RedisFailedLogins(second, TestRedis.keyPrefix() + "fl:");
  }

  @Test
  void noEmailAddressSitsInRedisInClear() {
    String prefix = TestRedis.keyPrefix() + "fl-" + UUID.randomUUID() + ":";
    String email = "clear-" + UUID.randomUUID() + "@example.com";
    new RedisFailedLogins(first, prefix)
        .record("account:" + email, Instant.now(), Duration.ofMinutes(1));
    assertThat(first.keys(prefix + "*")).hasSize(1).noneMatch(k -> k.contains(email));
  }

  @Test
  void unreachableRedisIsAnErrorNotASilentZero() {
    try (EmbeddedRedis redis = EmbeddedRedis.startOnFreePort();
        JedisPooled client = new JedisPooled(redis.asServer().uri())) {
      RedisFailedLogins failed = new RedisFailedLogins(client, "fl:");
      Instant now = Instant.now();
      failed.record("ip:x", now, Duration.ofMinutes(1));
      redis.stop();
      assertThatThrownBy(() -> failed.count("ip:x", now, Duration.ofMinutes(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("failed-login counter unavailable");
      redis.start();
      assertThat(failed.record("ip:y", now, Duration.ofMinutes(1))).isEqualTo(1);
    }
  }
}
