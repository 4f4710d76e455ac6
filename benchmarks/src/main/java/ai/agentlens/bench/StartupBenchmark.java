package ai.agentlens.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures the self-hosted jar as a user meets it: time from process start to the first {@code 200}
 * of {@code GET /api/health}, and resident memory (RSS) after the server has idled.
 *
 * <pre>
 * ./mvnw -q -DskipTests package &amp;&amp; ./mvnw -q -pl benchmarks exec:java \
 *     -Dexec.mainClass=ai.agentlens.bench.StartupBenchmark [-Dexec.args="runs idleSeconds"]
 * </pre>
 */
public final class StartupBenchmark {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  private StartupBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional: number of runs (default 5), idle seconds before reading RSS (default 10)
   * @throws Exception when the jar cannot be started
   */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path jar = locate("app-selfhosted/target/agentlens-selfhosted.jar");
    System.out.printf("jar %s: %.1f MiB%n", jar, Files.size(jar) / 1048576.0);
    Path cloud = locate("app-cloud/target/agentlens-cloud.jar");
    System.out.printf("jar %s: %.1f MiB%n", cloud, Files.size(cloud) / 1048576.0);
    List<Long> startups = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Path data = Files.createTempDirectory("agentlens-bench");
      int port = freePort();
      ProcessBuilder builder =
          new ProcessBuilder(javaBin(), "-jar", jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("out.log").toFile());
      builder
          .environment()
          .putAll(
              Map.of(
                  "AGENTLENS_PORT",
                  Integer.toString(port),
                  "AGENTLENS_DATA_DIR",
                  data.resolve("d").toString()));
      long t0 = System.nanoTime();
      Process process = builder.start();
      try {
        awaitHealth(port, process);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(idleSeconds * 1000L);
        long kib = rssKib(process.pid());
        startups.add(ms);
        rss.add(kib);
        System.out.printf(
            "run %d: first 200 after %d ms, RSS after %d s idle %.1f MiB%n",
            i, ms, idleSeconds, kib / 1024.0);
      } finally {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
      }
    }
    System.out.printf(
        "median start-up %d ms, median idle RSS %.1f MiB over %d runs%n",
        median(startups), median(rss) / 1024.0, runs);
  }

  private static void awaitHealth(int port, Process process) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue());
      }
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        Thread.sleep(5);
      }
    }
    throw new IllegalStateException("no 200 from /api/health within 60 s");
  }

  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for pid " + pid);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static Path locate(String relative) {
    for (Path base : List.of(Path.of("."), Path.of(".."))) {
      Path candidate = base.resolve(relative).toAbsolutePath().normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(relative + " not found; run ./mvnw -DskipTests package first");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
