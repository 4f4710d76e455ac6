package ai.agentlens.launchers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Http;
import ai.agentlens.testing.FreePort;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestRedis;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jars the README tells people to start, started as real processes: what a user gets
 * from {@code java -jar}. Runs after the apps are packaged (reactor order in {@code ./mvnw
 * verify}).
 */
class PackagedJarsTest {

  private static final Path SELFHOSTED =
      Path.of("..", "app-selfhosted", "target", "agentlens-selfhosted.jar");
  private static final Path CLOUD = Path.of("..", "app-cloud", "target", "agentlens-cloud.jar");

  @TempDir Path temp;

  @Test
  void selfhostedJarServesHealthAndCreatesTheDataDirectory() throws Exception {
    int port = FreePort.find();
    Path dataDir = temp.resolve("nested").resolve("agentlens-data");
    Process process =
        start(
            SELFHOSTED,
            List.of(),
            Map.of(
                "AGENTLENS_PORT",
                Integer.toString(port),
                "AGENTLENS_DATA_DIR",
                dataDir.toString()));
    try {
      var health = Http.awaitOk(port, "/api/health", process, Duration.ofSeconds(60));
      assertThat(health.body())
          .matches("\\{\"status\":\"ok\",\"version\":\"\\d+\\.\\d+\\.\\d+[^\"]*\"}");
      assertThat(health.headers().firstValue("content-type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(dataDir).isDirectory();
    } finally {
      stop(process);
    }
  }

  @Test
  void selfhostedServeSubcommandTakesOptions() throws Exception {
    int port = FreePort.find();
    Process process =
        start(
            SELFHOSTED,
            List.of("serve", "--port", Integer.toString(port), "--data-dir", temp.toString()),
            Map.of());
    try {
      Http.awaitOk(port, "/api/health", process, Duration.ofSeconds(60));
    } finally {
      stop(process);
    }
  }

  @Test
  void unknownSubcommandPrintsUsageAndExitsNonZero() throws Exception {
    Result result = run(SELFHOSTED, List.of("frobnicate"), Map.of());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("Unmatched argument").contains("Usage: agentlens-selfhosted");
  }

  @Test
  void badOptionPrintsUsageAndExitsNonZero() throws Exception {
    Result result = run(SELFHOSTED, List.of("serve", "--port", "eighty"), Map.of());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--port").contains("Usage: agentlens-selfhosted serve");
  }

  @Test
  void badEnvironmentIsOneLineNotAStackTrace() throws Exception {
    Result result =
        run(
            SELFHOSTED,
            List.of(),
            Map.of("AGENTLENS_PORT", "eighty", "AGENTLENS_DATA_DIR", temp.toString()));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            "agentlens-selfhosted: AGENTLENS_PORT must be a number between 0 and 65535 (got 'eighty')");
  }

  @Test
  void cloudJarFailsFastWithOneLineNamingTheMissingVariable() throws Exception {
    Result result = run(CLOUD, List.of(), Map.of("AGENTLENS_REDIS_URL", "redis://127.0.0.1:6379"));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).startsWith("agentlens-cloud: AGENTLENS_DATABASE_URL is not set");
  }

  @Test
  void cloudJarFailsFastNamingAnUnreachableService() throws Exception {
    Result result =
        run(
            CLOUD,
            List.of(),
            Map.of(
                "AGENTLENS_DATABASE_URL",
                TestPostgres.database().url(),
                "AGENTLENS_REDIS_URL",
                "redis://127.0.0.1:1"));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().strip())
        .startsWith("agentlens-cloud: cannot reach Redis at 127.0.0.1:1")
        .doesNotContain("\n");
  }

  @Test
  void cloudJarServesHealthAndReadiness() throws Exception {
    int port = FreePort.find();
    Process process =
        start(
            CLOUD,
            List.of(),
            Map.of(
                "AGENTLENS_DATABASE_URL", TestPostgres.database().url(),
                "AGENTLENS_REDIS_URL", TestRedis.server().uri().toString(),
                "AGENTLENS_PORT", Integer.toString(port)));
    try {
      Http.awaitOk(port, "/api/health", process, Duration.ofSeconds(60));
      var ready = Http.awaitOk(port, "/api/ready", process, Duration.ofSeconds(10));
      assertThat(ready.body()).contains("\"postgres\":\"up\"").contains("\"redis\":\"up\"");
    } finally {
      stop(process);
    }
  }

  private record Result(int exit, String out, String err) {}

  private Process start(Path jar, List<String> args, Map<String, String> env) throws Exception {
    assertThat(jar).as("packaged jar (run ./mvnw verify from the root)").isRegularFile();
    List<String> command =
        new ArrayList<>(List.of(java(), "-jar", jar.toAbsolutePath().toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AGENTLENS_"));
    builder.environment().putAll(env);
    builder.redirectOutput(temp.resolve("out-" + System.nanoTime() + ".log").toFile());
    builder.redirectError(temp.resolve("err-" + System.nanoTime() + ".log").toFile());
    return builder.start();
  }

  private Result run(Path jar, List<String> args, Map<String, String> env) throws Exception {
    Path out = temp.resolve("run-out-" + System.nanoTime());
    Path err = temp.resolve("run-err-" + System.nanoTime());
    List<String> command =
        new ArrayList<>(List.of(java(), "-jar", jar.toAbsolutePath().toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AGENTLENS_"));
    builder.environment().putAll(env);
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process ends").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static String java() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
