package ai.agentlens.launchers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.testing.FreePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, made with the installed server binaries, that the test may
 * stop and restart without disturbing the shared server other tests use. Trust authentication for
 * {@code postgres} on 127.0.0.1. A missing binary is a JUnit assumption (the test is skipped).
 */
final class ThrowawayPostgres implements AutoCloseable {

  private final Path bin;
  private final Path work;
  private final Path data;
  private final int port;
  private final boolean root;

  private ThrowawayPostgres(Path bin, Path work, int port, boolean root) {
    this.bin = bin;
    this.work = work;
    this.data = work.resolve("data");
    this.port = port;
    this.root = root;
  }

  /**
   * Creates and starts a cluster in a fresh temporary directory.
   *
   * @return the running cluster
   * @throws Exception when it cannot be created
   */
  static ThrowawayPostgres start() throws Exception {
    Optional<Path> found = binaries();
    assumeTrue(
        found.isPresent(),
        "PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin) are not"
            + " installed; .ci/run installs the postgresql package");
    boolean root = "root".equals(System.getProperty("user.name"));
    assumeTrue(
        !root
            || Files.exists(Path.of("/usr/sbin/runuser"))
            || Files.exists(Path.of("/sbin/runuser")),
        "running as root needs runuser to start PostgreSQL as the postgres user");
    Path work = Files.createTempDirectory("agentlens-pg-");
    if (root) {
      UserPrincipal postgres =
          work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(work, postgres);
    }
    ThrowawayPostgres pg = new ThrowawayPostgres(found.get(), work, FreePort.find(), root);
    pg.run("initdb", "-D", pg.data.toString(), "-U", "postgres", "--auth=trust", "--no-sync");
    Files.writeString(
        pg.data.resolve("postgresql.conf"),
        "\nlisten_addresses = '127.0.0.1'\nport = " + pg.port + "\nmax_connections = 100\n",
        StandardOpenOption.APPEND);
    pg.startServer();
    return pg;
  }

  /** The port it listens on (127.0.0.1). */
  int port() {
    return port;
  }

  /** Starts the server (again); waits until it accepts connections. */
  void startServer() throws Exception {
    run(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        work.resolve("server.log").toString(),
        "-o",
        "-k " + work,
        "-w",
        "-t",
        "60",
        "start");
  }

  /** Stops the server the way an operator's restart does ({@code -m fast}). */
  void stopServer() throws Exception {
    run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
  }

  /**
   * Runs one statement with psql as {@code postgres}.
   *
   * @param database the database
   * @param statement the SQL
   * @return psql's unaligned output
   * @throws Exception when psql fails
   */
  String sql(String database, String statement) throws Exception {
    return run(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            "postgres",
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-At",
            "-c",
            statement)
        .strip();
  }

  private String run(String program, String... args) throws Exception {
    List<String> full = new ArrayList<>();
    if (root) {
      // why: PostgreSQL refuses to run as root, so the cluster runs as postgres
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.add(bin.resolve(program).toString());
    full.addAll(List.of(args));
    // why: as postgres, a working directory inside a private checkout is not reachable
    Process p = new ProcessBuilder(full).directory(work.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
    }
    return out;
  }

  private static Optional<Path> binaries() throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(lib)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
    }
  }

  /** Stops the server at once and deletes its files. */
  @Override
  public void close() throws Exception {
    if (Files.exists(data.resolve("postmaster.pid"))) {
      run("pg_ctl", "-D", data.toString(), "-m", "immediate", "stop");
    }
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
