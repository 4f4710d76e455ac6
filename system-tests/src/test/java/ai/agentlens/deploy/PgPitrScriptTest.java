package ai.agentlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.testing.FreePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/pg-pitr.sh} against a real PostgreSQL: a throwaway cluster with WAL archiving, a
 * base backup, row A, a noted time, row B, then a restore to the noted time in another directory —
 * the restored server has A and not B.
 */
class PgPitrScriptTest {

  private static final Path SCRIPT =
      Path.of("..").toAbsolutePath().normalize().resolve("deploy/pg-pitr.sh");

  private final List<Path> dataDirs = new ArrayList<>();
  private Path bin;
  private Path work;
  private boolean root;

  @AfterEach
  void stopClustersAndClean() throws Exception {
    for (Path data : dataDirs) {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-m",
                "immediate",
                "stop"));
      }
    }
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Optional<Path> postgresBin() throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(lib)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_basebackup")))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
    }
  }

  private String run(List<String> command) throws Exception {
    List<String> full = new ArrayList<>();
    if (root) {
      // why: PostgreSQL refuses to run as root, so the cluster and the script run as postgres
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.add("env");
    full.add("PG_BIN=" + bin);
    full.addAll(command);
    // why: as postgres, a working directory inside a private checkout (a 0700 temp clone) is not
    // reachable, and psql's "could not change directory" warning would end up in the output
    Process p = new ProcessBuilder(full).directory(work.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", full)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", full) + "\n" + out).isZero();
    return out;
  }

  private String sql(int port, String statement) throws Exception {
    return run(List.of(
            bin.resolve("psql").toString(),
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-At",
            "-c",
            statement))
        .strip();
  }

  private void start(Path data, int port) throws Exception {
    dataDirs.add(data);
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            data.resolveSibling(data.getFileName() + ".log").toString(),
            "-o",
            "-p " + port + " -k " + work,
            "-w",
            "-t",
            "60",
            "start"));
  }

  @Test
  void restoresToTheNotedTimeWithRowABeforeItAndWithoutRowBAfterIt() throws Exception {
    Optional<Path> found = postgresBin();
    assumeTrue(
        found.isPresent(),
        "PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup under /usr/lib/postgresql/*/bin)"
            + " are not installed; .ci/run installs the postgresql package");
    bin = found.get();
    root = "root".equals(System.getProperty("user.name"));
    assumeTrue(
        !root
            || Files.exists(Path.of("/usr/sbin/runuser"))
            || Files.exists(Path.of("/sbin/runuser")),
        "running as root needs runuser to start PostgreSQL as the postgres user");
    work = Files.createTempDirectory("agentlens-pitr-");
    Path script = work.resolve("pg-pitr.sh");
    Files.copy(SCRIPT, script, StandardCopyOption.COPY_ATTRIBUTES);
    if (root) {
      UserPrincipal postgres =
          work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(work, postgres);
      Files.setOwner(script, postgres);
    }
    Path primary = work.resolve("primary");
    Path wal = work.resolve("wal-archive");
    Path backups = work.resolve("base-backups");
    Path restored = work.resolve("restored");
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            primary.toString(),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync"));
    Files.writeString(
        primary.resolve("postgresql.conf"),
        "\nlisten_addresses = '127.0.0.1'\nwal_level = replica\narchive_mode = on\n"
            + "archive_command = '"
            + script
            + " archive-wal "
            + wal
            + " %p %f'\nfsync = off\n",
        java.nio.file.StandardOpenOption.APPEND);
    int port = FreePort.find();
    start(primary, port);
    sql(port, "create table notes (body text not null)");

    String backupOut =
        run(
            List.of(
                "env",
                "PGHOST=127.0.0.1",
                "PGPORT=" + port,
                "PGUSER=postgres",
                script.toString(),
                "base-backup",
                "--dest",
                backups.toString()));
    assertThat(backupOut).contains("base backup done");
    Path base;
    try (Stream<Path> list = Files.list(backups)) {
      base =
          list.filter(p -> p.getFileName().toString().startsWith("base-"))
              .findFirst()
              .orElseThrow();
    }

    sql(port, "insert into notes values ('A')");
    String noted = sql(port, "select clock_timestamp()");
    Thread.sleep(1_100);
    sql(port, "insert into notes values ('B')");
    String lastWal = sql(port, "select pg_walfile_name(pg_switch_wal())");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(wal.resolve(lastWal)) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(wal.resolve(lastWal)).as("WAL segment with B archived").exists();

    String restoreOut =
        run(
            List.of(
                script.toString(),
                "restore",
                "--base",
                base.toString(),
                "--wal-dir",
                wal.toString(),
                "--target-time",
                noted,
                "--pgdata",
                restored.toString()));
    assertThat(restoreOut).contains("ready: start it");
    int port2 = FreePort.find();
    start(restored, port2);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!"f".equals(sql(port2, "select pg_is_in_recovery()")) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(sql(port2, "select string_agg(body, ',' order by body) from notes")).isEqualTo("A");
    assertThat(sql(port, "select string_agg(body, ',' order by body) from notes")).isEqualTo("A,B");
  }
}
