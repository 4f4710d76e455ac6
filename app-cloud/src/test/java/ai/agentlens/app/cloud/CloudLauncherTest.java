package ai.agentlens.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.api.Http;
import ai.agentlens.testing.EmbeddedRedis;
import ai.agentlens.testing.FreePort;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** app-cloud in process, against real PostgreSQL and Redis. */
class CloudLauncherTest {

  private static CloudConfig config(String databaseUrl, String redisUrl, int port) {
    return CloudConfig.fromEnv(
        Map.of(
            "AGENTLENS_DATABASE_URL", databaseUrl,
            "AGENTLENS_REDIS_URL", redisUrl,
            "AGENTLENS_PORT", Integer.toString(port)));
  }

  @Test
  void servesHealthAndReadinessWhenPostgresAndRedisAnswer() throws Exception {
    int port = FreePort.find();
    try (var context =
        CloudMain.start(
            config(TestPostgres.database().url(), TestRedis.server().uri().toString(), port))) {
      var health = Http.get(port, "/api/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ok\"");
      var ready = Http.get(port, "/api/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"postgres\":\"up\"").contains("\"redis\":\"up\"");
    }
  }

  @Test
  void readinessFollowsRedisDownAndBackUp() throws Exception {
    int port = FreePort.find();
    try (EmbeddedRedis redis = EmbeddedRedis.startOnFreePort();
        var context =
            CloudMain.start(
                config(TestPostgres.database().url(), redis.asServer().uri().toString(), port))) {
      assertThat(Http.get(port, "/api/ready").statusCode()).isEqualTo(200);
      redis.stop();
      var down = Http.get(port, "/api/ready");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body())
          .contains("\"postgres\":\"up\"")
          .contains("cannot reach Redis at 127.0.0.1:" + redis.port());
      assertThat(Http.get(port, "/api/health").statusCode())
          .as("liveness does not depend on Redis")
          .isEqualTo(200);
      redis.start();
      assertThat(Http.get(port, "/api/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void failsFastNamingAnUnreachablePostgres() {
    var config =
        config(
            "postgres://app:secret@127.0.0.1:1/agentlens",
            TestRedis.server().uri().toString(),
            FreePort.find());
    assertThatThrownBy(() -> CloudMain.start(config))
        .isInstanceOf(CloudMain.StartupException.class)
        .hasMessageStartingWith("cannot reach PostgreSQL at 127.0.0.1:1/agentlens")
        .hasMessageNotContaining("secret");
  }

  @Test
  void failsFastNamingAnUnreachableRedis() {
    var config = config(TestPostgres.database().url(), "redis://127.0.0.1:1", FreePort.find());
    assertThatThrownBy(() -> CloudMain.start(config))
        .isInstanceOf(CloudMain.StartupException.class)
        .hasMessageStartingWith("cannot reach Redis at 127.0.0.1:1");
  }

  @Test
  void missingOrBadVariablesAreNamed() {
    assertThatThrownBy(() -> CloudConfig.fromEnv(Map.of("AGENTLENS_REDIS_URL", "redis://x")))
        .hasMessageStartingWith("AGENTLENS_DATABASE_URL is not set");
    assertThatThrownBy(
            () -> CloudConfig.fromEnv(Map.of("AGENTLENS_DATABASE_URL", "postgres://h/db")))
        .hasMessageStartingWith("AGENTLENS_REDIS_URL is not set");
    assertThatThrownBy(
            () ->
                CloudConfig.fromEnv(
                    Map.of(
                        "AGENTLENS_DATABASE_URL",
                        "mysql://h/db",
                        "AGENTLENS_REDIS_URL",
                        "redis://x")))
        .hasMessageStartingWith("AGENTLENS_DATABASE_URL: database URL must start with");
    assertThatThrownBy(
            () ->
                CloudConfig.fromEnv(
                    Map.of(
                        "AGENTLENS_DATABASE_URL",
                        "postgres://h/db",
                        "AGENTLENS_REDIS_URL",
                        "redis://x",
                        "AGENTLENS_PORT",
                        "http")))
        .hasMessageStartingWith("AGENTLENS_PORT must be a number");
  }

  @Test
  void migrateRoleMigratesTheSchemaAndStartsNoServer() throws Exception {
    String databaseUrl = TestPostgres.database().url();
    CloudConfig migrate =
        CloudConfig.fromEnv(
            Map.of(
                "AGENTLENS_DATABASE_URL", databaseUrl,
                "AGENTLENS_REDIS_URL", "redis://127.0.0.1:1",
                "AGENTLENS_ROLE", "migrate"));
    String version = CloudMain.migrate(migrate);
    assertThat(version).as("the newest migration applied").matches("\\d+(\\.\\d+)*");
    // a second run is a no-op at the same version, as a re-run Kubernetes Job would be
    assertThat(CloudMain.migrate(migrate)).isEqualTo(version);
    assertThatThrownBy(
            () ->
                CloudConfig.fromEnv(
                    Map.of(
                        "AGENTLENS_DATABASE_URL", databaseUrl,
                        "AGENTLENS_REDIS_URL", "redis://x",
                        "AGENTLENS_ROLE", "migrator")))
        .hasMessage(
            "AGENTLENS_ROLE must be all, gateway, worker, migrate or features (got 'migrator')");
  }

  @Test
  void pgvectorIsOnByDefaultAndCanBeTurnedOff() {
    Map<String, String> base =
        Map.of("AGENTLENS_DATABASE_URL", "postgres://h/db", "AGENTLENS_REDIS_URL", "redis://x");
    assertThat(CloudConfig.fromEnv(base).pgvector()).isTrue();
    var off = new java.util.HashMap<>(base);
    off.put("AGENTLENS_PGVECTOR", "off");
    CloudConfig config = CloudConfig.fromEnv(off);
    assertThat(config.pgvector()).isFalse();
    assertThat(
            CloudBeans.postgresConfig(config, 4, ai.agentlens.core.port.Clock.system()).pgvector())
        .as("the setting reaches the storage backend")
        .isFalse();
    off.put("AGENTLENS_PGVECTOR", "yes");
    assertThatThrownBy(() -> CloudConfig.fromEnv(off))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AGENTLENS_PGVECTOR must be on or off (got 'yes')");
  }
}
