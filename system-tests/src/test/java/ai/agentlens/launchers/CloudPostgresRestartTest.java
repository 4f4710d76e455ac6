package ai.agentlens.launchers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Api;
import ai.agentlens.api.Http;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.hasher.bcrypt.BcryptSecretHasher;
import ai.agentlens.storage.postgres.PostgresConfig;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.testing.FreePort;
import ai.agentlens.testing.TestRedis;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged cloud server (role {@code all}) under sustained ingest while its PostgreSQL is
 * restarted (issue 19, faults), on a cluster of the test's own: the gateway keeps answering while
 * Redis holds the queue, the workers reconnect when the database is back, and every event that got
 * a {@code 202} is stored exactly once with every session's hash chain valid.
 */
class CloudPostgresRestartTest {

  private static final Path CLOUD = Path.of("..", "app-cloud", "target", "agentlens-cloud.jar");

  @TempDir Path temp;

  @Test
  void everyAcknowledgedEventIsStoredExactlyOnceAcrossAPostgresRestart() throws Exception {
    assertThat(CLOUD).as("packaged jar (run ./mvnw verify from the root)").isRegularFile();
    try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
      pg.sql("postgres", "create database agentlens");
      int port = FreePort.find();
      Process server = start(pg.port(), port);
      try {
        Http.awaitOk(port, "/api/ready", server, Duration.ofSeconds(90));
        String key = createOrgAndKey(pg.port());
        IngestLoad load = new IngestLoad("http://127.0.0.1:" + port, key, 6, "pgr").start();
        awaitAcknowledged(load, 1_000);
        pg.stopServer();
        int beforeDown = load.acknowledgedCount();
        Thread.sleep(3_000);
        int whileDown = load.acknowledgedCount() - beforeDown;
        pg.startServer();
        Thread.sleep(3_000);
        load.close();
        System.out.printf(
            "postgres restart: %d events acknowledged while PostgreSQL was down; outcomes %s%n",
            whileDown, load.outcomes());
        assertThat(whileDown).as("the gateway kept accepting while Redis held").isPositive();

        awaitAllStored(new Api("http://127.0.0.1:" + port), key, load);
        String duplicates =
            pg.sql(
                "agentlens",
                "select count(*) from (select org_id, id from events group by org_id, id"
                    + " having count(*) > 1) d");
        assertThat(duplicates).as("events stored twice").isEqualTo("0");
      } finally {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor();
        }
      }
    }
  }

  private static void awaitAllStored(Api api, String key, IngestLoad load) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Set<String> pending = new HashSet<>(load.acknowledged().keySet());
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      for (String session : List.copyOf(pending)) {
        Api.Reply timeline = api.get("/api/sessions/" + session + "/timeline", key);
        if (timeline.status() != 200) {
          continue;
        }
        Set<String> stored = new HashSet<>();
        timeline.json().get("events").forEach(e -> stored.add(e.get("id").asText()));
        if (stored.containsAll(load.acknowledged().get(session))) {
          assertThat(timeline.json().get("chainValid").asBoolean())
              .as("chain of %s", session)
              .isTrue();
          pending.remove(session);
        }
      }
      if (!pending.isEmpty()) {
        Thread.sleep(500);
      }
    }
    assertThat(pending).as("sessions with acknowledged events not stored within 120 s").isEmpty();
  }

  private static String createOrgAndKey(int pgPort) throws Exception {
    PostgresConfig config =
        new PostgresConfig(
            "jdbc:postgresql://127.0.0.1:" + pgPort + "/agentlens",
            "agentlens_app",
            "",
            "postgres",
            "",
            2,
            1,
            Clock.system());
    try (var p = PostgresStorageProvider.open(config)) {
      Clock clock = Clock.system();
      p.stores()
          .orgs()
          .create(
              new Org(
                  "faults",
                  "faults",
                  "Faults",
                  Plan.ENTERPRISE,
                  OrgSettings.defaults(Tiers.of(Plan.ENTERPRISE).retentionDays()),
                  clock.now()));
      String key = ApiKeys.generate(KeyEnvironment.LIVE);
      p.stores()
          .apiKeys()
          .create(
              new ApiKey(
                  "key-faults",
                  "faults",
                  ApiKeys.prefix(key),
                  new BcryptSecretHasher(10).hash(key),
                  KeyEnvironment.LIVE,
                  "faults",
                  List.of("ingest", "query"),
                  "faults",
                  clock.now(),
                  null,
                  null,
                  null));
      return key;
    }
  }

  private static void awaitAcknowledged(IngestLoad load, int events) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (load.acknowledgedCount() < events && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(load.acknowledgedCount()).as("load got going").isGreaterThanOrEqualTo(events);
  }

  private Process start(int pgPort, int port) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx768m",
                "-Dagentlens.redis.key-prefix=faults-" + UUID.randomUUID() + ":",
                "-jar",
                CLOUD.toAbsolutePath().toString())
            .directory(temp.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AGENTLENS_"));
    builder
        .environment()
        .putAll(
            Map.of(
                "AGENTLENS_DATABASE_URL",
                "postgres://postgres@127.0.0.1:" + pgPort + "/agentlens",
                "AGENTLENS_REDIS_URL",
                TestRedis.server().uri().toString(),
                "AGENTLENS_PORT",
                Integer.toString(port),
                "AGENTLENS_EMBEDDING_PROVIDER",
                "none"));
    builder.redirectOutput(temp.resolve("cloud.out").toFile());
    builder.redirectError(temp.resolve("cloud.err").toFile());
    return builder.start();
  }
}
