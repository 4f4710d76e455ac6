package ai.agentlens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** One real round trip through each server the test support hands out. */
class RealServersRoundTripTest {

  @Test
  void postgresRoundTripInTheRunsOwnDatabase() throws Exception {
    TestDatabase db = TestPostgres.database();
    assertThat(db.name()).startsWith("agentlens_test_");
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      st.execute("create table round_trip (id int primary key, note text)");
      st.execute("insert into round_trip values (1, 'hello from " + db.server().source() + "')");
      try (ResultSet rs =
          st.executeQuery(
              "select note, current_database(), current_setting('TimeZone') from round_trip")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).startsWith("hello from ");
        assertThat(rs.getString(2)).isEqualTo(db.name());
        assertThat(rs.getString(3)).isNotIn("UTC", "Etc/UTC", "GMT");
      }
      st.execute("drop table round_trip");
    }
  }

  @Test
  void everyNewDatabaseHasItsOwnName() {
    assertThat(TestPostgres.newDatabase().name()).isNotEqualTo(TestPostgres.database().name());
  }

  @Test
  void redisRoundTripUnderTheRunsKeyPrefix() {
    TestRedisServer server = TestRedis.server();
    String key = TestRedis.keyPrefix() + "round-trip";
    try (Jedis jedis = new Jedis(server.uri(), 2000)) {
      jedis.set(key, "hello from " + server.source());
      assertThat(jedis.get(key)).isEqualTo("hello from " + server.source());
      assertThat(jedis.del(key)).isEqualTo(1);
    }
  }
}
