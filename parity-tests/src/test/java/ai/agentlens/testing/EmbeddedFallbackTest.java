package ai.agentlens.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The last resort really works on this machine: a machine with nothing but a JDK gets a real
 * PostgreSQL and a real Redis from Maven Central binaries.
 */
class EmbeddedFallbackTest {

  @Test
  void embeddedPostgresStartsAndAnswers() throws Exception {
    PostgresServer pg = TestPostgres.embedded();
    try (Connection c =
            DriverManager.getConnection(
                pg.jdbcUrl("postgres"), pg.adminUser(), pg.adminPassword());
        ResultSet rs =
            c.createStatement().executeQuery("select current_setting('server_version_num')::int")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
    }
  }

  @Test
  void embeddedRedisStartsStopsAndRestartsOnTheSamePort() {
    try (EmbeddedRedis redis = EmbeddedRedis.startOnFreePort()) {
      try (Jedis jedis = new Jedis(redis.asServer().uri(), 2000)) {
        jedis.set("k", "v");
        assertThat(jedis.get("k")).isEqualTo("v");
      }
      redis.stop();
      assertThat(redis.isRunning()).isFalse();
      assertThatThrownBy(
              () -> {
                try (Jedis jedis = new Jedis(redis.asServer().uri(), 500)) {
                  jedis.ping();
                }
              })
          .isInstanceOf(redis.clients.jedis.exceptions.JedisConnectionException.class);
      redis.start();
      try (Jedis jedis = new Jedis(redis.asServer().uri(), 2000)) {
        assertThat(jedis.ping()).isEqualTo("PONG");
      }
    }
  }
}
