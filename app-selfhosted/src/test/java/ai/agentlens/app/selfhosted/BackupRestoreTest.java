package ai.agentlens.app.selfhosted;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.testing.FreePort;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code backup} while events stream in, then {@code restore} into a fresh data directory: the
 * restored server has every event acknowledged before the backup began, and every chain verifies.
 */
class BackupRestoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SESSIONS = List.of("bk-s1", "bk-s2", "bk-s3");

  @TempDir Path tmp;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SelfhostedMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void backupDuringIngestRestoresIntoAFreshDirectoryWithEveryAcknowledgedEvent() throws Exception {
    Path live = tmp.resolve("live");
    Path fresh = tmp.resolve("fresh");
    Path file = tmp.resolve("agentlens-backup.db");
    Run created = run("keys", "create", "--org", "acme", "--data-dir", live.toString());
    assertThat(created.status()).as(created.err()).isZero();
    String[] lines = created.out().strip().split("\n");
    String key = lines[lines.length - 1];

    int port = FreePort.find();
    List<String> acked = new CopyOnWriteArrayList<>();
    Set<String> beforeBackup;
    int ackedAfter;
    try (var server = SelfhostedMain.start(new SelfhostedConfig(port, live), Map.of())) {
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  int n = 0;
                  while (!stop.get()) {
                    String session = SESSIONS.get((n + writer) % SESSIONS.size());
                    List<String> ids =
                        List.of("w" + writer + "-" + n + "-a", "w" + writer + "-" + n + "-b");
                    HttpResponse<String> r =
                        send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/events"))
                                .header("Authorization", "Bearer " + key)
                                .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                        batch(
                                            toolCall(session, ids.get(0)),
                                            toolCall(session, ids.get(1))))));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                    acked.addAll(ids);
                    n++;
                  }
                  return null;
                }));
      }
      while (acked.size() < 200) {
        Thread.sleep(10);
      }
      beforeBackup = new HashSet<>(acked);
      Run backup = run("backup", "--out", file.toString(), "--data-dir", live.toString());
      int atEnd = acked.size();
      while (acked.size() < atEnd + 40) {
        Thread.sleep(10);
      }
      stop.set(true);
      for (Future<?> f : writers) {
        f.get();
      }
      pool.shutdown();
      ackedAfter = acked.size();
      assertThat(backup.status()).as(backup.out() + backup.err()).isZero();
      assertThat(backup.out()).contains("copying", "backup written: " + file.toAbsolutePath());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");

      Run refused = run("restore", "--from", file.toString(), "--data-dir", live.toString());
      assertThat(refused.status()).isEqualTo(1);
      assertThat(refused.err()).contains("a server is running on");
    }
    assertThat(ackedAfter).isGreaterThan(beforeBackup.size());

    Run restored = run("restore", "--from", file.toString(), "--data-dir", fresh.toString());
    assertThat(restored.status()).as(restored.out() + restored.err()).isZero();
    assertThat(restored.out()).contains("backup is an AgentLens database at schema", "restored ");

    int port2 = FreePort.find();
    try (var server = SelfhostedMain.start(new SelfhostedConfig(port2, fresh), Map.of())) {
      Set<String> present = new HashSet<>();
      for (String session : SESSIONS) {
        HttpResponse<String> r =
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port2 + "/api/sessions/" + session + "/timeline"))
                    .header("Authorization", "Bearer " + key));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode timeline = JSON.readTree(r.body());
        assertThat(timeline.get("chainValid").asBoolean()).as(session).isTrue();
        timeline.get("events").forEach(e -> present.add(e.get("id").asText()));
      }
      assertThat(present).containsAll(beforeBackup);
      assertThat(present.size()).isGreaterThanOrEqualTo(beforeBackup.size());
    }

    // A second restore over the restored database keeps what it replaces.
    Run again = run("restore", "--from", file.toString(), "--data-dir", fresh.toString());
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.out()).contains("kept the replaced database as");
    try (var kept = Files.list(fresh)) {
      assertThat(kept.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("agentlens.db.replaced-"));
    }
  }

  @Test
  void restoreRefusesFilesThatAreNotAgentLensDatabases() throws Exception {
    Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
    Run notSqlite =
        run("restore", "--from", text.toString(), "--data-dir", tmp.resolve("d").toString());
    assertThat(notSqlite.status()).isEqualTo(2);
    assertThat(notSqlite.err()).contains("is not a SQLite database");

    Path other = tmp.resolve("other.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + other);
        var s = c.createStatement()) {
      s.execute("create table t (x integer)");
    }
    Run foreign =
        run("restore", "--from", other.toString(), "--data-dir", tmp.resolve("d").toString());
    assertThat(foreign.status()).isEqualTo(2);
    assertThat(foreign.err()).contains("is not an AgentLens database");
    assertThat(tmp.resolve("d").resolve(SelfhostedBeans.DATABASE_FILE)).doesNotExist();

    Run missing =
        run(
            "backup",
            "--out",
            tmp.resolve("b.db").toString(),
            "--data-dir",
            tmp.resolve("none").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no database at");
  }

  @Test
  void restoreRefusesADatabaseFromANewerSchema() throws Exception {
    Path dir = tmp.resolve("src");
    assertThat(run("keys", "create", "--org", "acme", "--data-dir", dir.toString()).status())
        .isZero();
    Path file = tmp.resolve("b.db");
    assertThat(run("backup", "--out", file.toString(), "--data-dir", dir.toString()).status())
        .isZero();
    Run exists = run("backup", "--out", file.toString(), "--data-dir", dir.toString());
    assertThat(exists.status()).isEqualTo(2);
    assertThat(exists.err()).contains("already exists");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = c.createStatement()) {
      s.execute(
          "insert into flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) values (999, '999', 'future',"
              + " 'SQL', 'V999__future.sql', 0, 'x', 0, 1)");
    }
    Run newer =
        run("restore", "--from", file.toString(), "--data-dir", tmp.resolve("d").toString());
    assertThat(newer.status()).isEqualTo(2);
    assertThat(newer.err()).contains("schema this build does not know", "999");
  }
}
