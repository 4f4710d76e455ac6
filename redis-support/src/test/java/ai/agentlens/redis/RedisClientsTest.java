package ai.agentlens.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisClientConfig;

/** The one connection setup: credentials, database, TLS and every timeout come from one place. */
class RedisClientsTest {

  @Test
  void ordinaryCommandsAndBlockingReadsAreBounded() {
    JedisClientConfig c =
        RedisClients.clientConfig(
            URI.create("rediss://user:pw@cache:6380/3"),
            new RedisClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, "q"));
    assertThat(c.getConnectionTimeoutMillis()).isEqualTo(2000);
    assertThat(c.getSocketTimeoutMillis()).isEqualTo(2000);
    assertThat(c.getBlockingSocketTimeoutMillis()).isEqualTo(7000);
    assertThat(c.getUser()).isEqualTo("user");
    assertThat(c.getPassword()).isEqualTo("pw");
    assertThat(c.getDatabase()).isEqualTo(3);
    assertThat(c.isSsl()).isTrue();
    assertThat(c.getClientName()).isEqualTo("q");
  }

  @Test
  void coordinationSubscriptionsWaitWithoutReadTimeoutButCommandsDoNot() {
    JedisClientConfig c =
        RedisClients.clientConfig(
            URI.create("redis://127.0.0.1:6379"), RedisClientSettings.coordination("coord"));
    // why: 0 is Jedis's "no timeout"; an idle SUBSCRIBE must not drop every two seconds
    assertThat(c.getBlockingSocketTimeoutMillis()).isZero();
    assertThat(c.getSocketTimeoutMillis()).isEqualTo(2000);
  }

  @Test
  void anythingButARedisUrlIsRefused() {
    assertThatThrownBy(
            () ->
                RedisClients.clientConfig(
                    URI.create("http://x:1"), RedisClientSettings.coordination("c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis://");
  }
}
