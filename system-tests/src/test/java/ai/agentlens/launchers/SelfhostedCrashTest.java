package ai.agentlens.launchers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Api;
import ai.agentlens.api.Http;
import ai.agentlens.testing.FreePort;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged self-hosted server stopped hard and softly while it is under sustained ingest (issue
 * 19, faults): after {@code SIGKILL} and after {@code SIGTERM}, a restart on the same data
 * directory holds every event that got a {@code 202} and every session's hash chain verifies. The
 * self-hosted gateway answers {@code 202} only once the events are committed, so nothing
 * acknowledged may be lost.
 */
class SelfhostedCrashTest {

  private static final Path SELFHOSTED =
      Path.of("..", "app-selfhosted", "target", "agentlens-selfhosted.jar");

  @TempDir Path temp;
  private Path data;
  private String key;

  @BeforeEach
  void createKey() throws Exception {
    assertThat(SELFHOSTED).as("packaged jar (run ./mvnw verify from the root)").isRegularFile();
    data = temp.resolve("data");
    Path out = temp.resolve("keys.out");
    Process keys =
        new ProcessBuilder(
                java(),
                "-jar",
                SELFHOSTED.toAbsolutePath().toString(),
                "keys",
                "create",
                "--org",
                "default",
                "--data-dir",
                data.toString())
            .redirectOutput(out.toFile())
            .redirectError(temp.resolve("keys.err").toFile())
            .start();
    assertThat(keys.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keys.exitValue()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    key = lines.get(lines.size() - 1).strip();
  }

  @Test
  void sigkillUnderLoadLosesNoAcknowledgedEventAndChainsStayValid() throws Exception {
    int port = FreePort.find();
    Process server = start(port);
    Http.awaitOk(port, "/api/health", server, Duration.ofSeconds(60));
    IngestLoad load = new IngestLoad("http://127.0.0.1:" + port, key, 8, "kill").start();
    awaitAcknowledged(load, 2_000);
    server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
    assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    load.close();

    assertEverythingAcknowledgedIsStored(load);
  }

  @Test
  void sigtermUnderLoadStopsCleanlyWithoutAcknowledgingUnstoredEvents() throws Exception {
    int port = FreePort.find();
    Process server = start(port);
    Http.awaitOk(port, "/api/health", server, Duration.ofSeconds(60));
    IngestLoad load = new IngestLoad("http://127.0.0.1:" + port, key, 8, "term").start();
    awaitAcknowledged(load, 2_000);
    server.destroy(); // SIGTERM: the shutdown hook stops the server
    assertThat(server.waitFor(40, TimeUnit.SECONDS)).as("stops within the grace period").isTrue();
    load.close();
    assertThat(Files.readString(temp.resolve("server-" + port + ".err")))
        .as("no stack trace on a normal stop")
        .doesNotContain("\tat ");

    assertEverythingAcknowledgedIsStored(load);
  }

  private void assertEverythingAcknowledgedIsStored(IngestLoad load) throws Exception {
    int port = FreePort.find();
    Process again = start(port);
    try {
      Http.awaitOk(port, "/api/health", again, Duration.ofSeconds(60));
      Api api = new Api("http://127.0.0.1:" + port);
      int checked = 0;
      for (String session : load.sessions()) {
        Api.Reply timeline = api.get("/api/sessions/" + session + "/timeline", key);
        Set<String> expected = load.acknowledged().getOrDefault(session, Set.of());
        if (timeline.status() == 404) {
          assertThat(expected).as("session %s was acknowledged but is missing", session).isEmpty();
          continue;
        }
        assertThat(timeline.status()).as(timeline.raw()).isEqualTo(200);
        JsonNode body = timeline.json();
        assertThat(body.get("chainValid").asBoolean()).as("chain of %s", session).isTrue();
        Set<String> stored = new HashSet<>();
        body.get("events").forEach(e -> stored.add(e.get("id").asText()));
        assertThat(stored).as("session %s", session).containsAll(expected);
        checked += expected.size();
      }
      assertThat(checked).isEqualTo(load.acknowledgedCount()).isGreaterThanOrEqualTo(2_000);
      System.out.printf(
          "fault run: %d events acknowledged, all stored; outcomes %s%n", checked, load.outcomes());
    } finally {
      again.destroy();
      if (!again.waitFor(30, TimeUnit.SECONDS)) {
        again.destroyForcibly().waitFor();
      }
    }
  }

  private static void awaitAcknowledged(IngestLoad load, int events) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (load.acknowledgedCount() < events && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(load.acknowledgedCount()).as("load got going").isGreaterThanOrEqualTo(events);
  }

  private Process start(int port) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(java(), "-Xmx512m", "-jar", SELFHOSTED.toAbsolutePath().toString())
            .directory(temp.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AGENTLENS_"));
    builder
        .environment()
        .putAll(
            Map.of(
                "AGENTLENS_PORT", Integer.toString(port),
                "AGENTLENS_DATA_DIR", data.toString(),
                "AGENTLENS_EMBEDDING_PROVIDER", "none"));
    builder.redirectOutput(temp.resolve("server-" + port + ".out").toFile());
    builder.redirectError(temp.resolve("server-" + port + ".err").toFile());
    return builder.start();
  }

  private static String java() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
