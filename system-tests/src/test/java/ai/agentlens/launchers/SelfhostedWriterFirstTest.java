package ai.agentlens.launchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.api.Http;
import ai.agentlens.testing.FreePort;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged self-hosted server gives its SQLite writer the CPU first (issue 18): on Linux every
 * other thread of the process runs at {@code nice} 10 while the writer keeps 0, and {@code
 * AGENTLENS_SQLITE_WRITER_FIRST=false} leaves every thread at 0. Read from {@code /proc}, in a
 * fresh process, since a thread inherits its creator's value.
 */
class SelfhostedWriterFirstTest {

  private static final Path SELFHOSTED =
      Path.of("..", "app-selfhosted", "target", "agentlens-selfhosted.jar");

  @TempDir Path temp;

  @BeforeEach
  void linuxAndTheJar() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "threads in /proc: Linux only");
    assertThat(SELFHOSTED).as("packaged jar (run ./mvnw verify from the root)").isRegularFile();
  }

  @Test
  void everyThreadButTheWriterRunsAtNiceTen() throws Exception {
    Process server = start(Map.of());
    try {
      Map<String, Integer> nice = awaitNice(server, m -> lowered(m) && m.size() > 20);
      assertThat(nice).containsEntry("sqlite-writer", 0);
      assertThat(nice).containsEntry("ingest-worker-0", 10);
      assertThat(nice)
          .as("every thread but the writer")
          .allSatisfy(
              (name, value) -> assertThat(value).isEqualTo(name.equals("sqlite-writer") ? 0 : 10));
    } finally {
      stop(server);
    }
  }

  @Test
  void switchedOffEveryThreadKeepsItsPriority() throws Exception {
    Process server = start(Map.of("AGENTLENS_SQLITE_WRITER_FIRST", "false"));
    try {
      Thread.sleep(3_000); // why: longer than the keeper's interval of 2 s, were it running
      Map<String, Integer> nice = threads(server.pid());
      assertThat(nice).containsKeys("sqlite-writer", "ingest-worker-0");
      assertThat(nice.values()).as("no thread lowered").containsOnly(0);
    } finally {
      stop(server);
    }
  }

  private static boolean lowered(Map<String, Integer> nice) {
    return nice.containsKey("sqlite-writer")
        && nice.entrySet().stream()
            .allMatch(e -> e.getKey().equals("sqlite-writer") || e.getValue() == 10);
  }

  private static Map<String, Integer> awaitNice(
      Process server, java.util.function.Predicate<Map<String, Integer>> done)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    Map<String, Integer> nice = threads(server.pid());
    // why: the JVM starts threads of its own at any time; the keeper lowers them at its next scan
    while (!done.test(nice) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      nice = threads(server.pid());
    }
    return nice;
  }

  // The nice value of each thread of a process, by the kernel's thread name (the lowest when names
  // repeat, so a thread left at 0 shows).
  private static Map<String, Integer> threads(long pid) throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
          int value = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
          out.merge(name, value, Math::min);
        } catch (IOException e) {
          // why: a thread may end between the listing and the read
        }
      }
    }
    return out;
  }

  private Process start(Map<String, String> env) throws Exception {
    int port = FreePort.find();
    ProcessBuilder builder =
        new ProcessBuilder(java(), "-Xmx512m", "-jar", SELFHOSTED.toAbsolutePath().toString())
            .directory(temp.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AGENTLENS_"));
    builder.environment().put("AGENTLENS_PORT", Integer.toString(port));
    builder.environment().put("AGENTLENS_DATA_DIR", temp.resolve("data").toString());
    builder.environment().put("AGENTLENS_EMBEDDING_PROVIDER", "none");
    builder.environment().putAll(env);
    builder.redirectOutput(temp.resolve("server.out").toFile());
    builder.redirectError(temp.resolve("server.err").toFile());
    Process server = builder.start();
    Http.awaitOk(port, "/api/ready", server, Duration.ofSeconds(60));
    return server;
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(20, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
  }

  private static String java() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
