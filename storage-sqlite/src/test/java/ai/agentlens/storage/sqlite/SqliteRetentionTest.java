package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.retention.PurgeJob;
import ai.agentlens.core.retention.PurgeReport;
import ai.agentlens.core.retention.RetentionPolicy;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.RetentionContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The test kit's {@link RetentionContract} on SQLite, plus its own proofs: the file shrinks after a
 * purge (incremental vacuum), and a file made without auto_vacuum is converted when opened.
 */
class SqliteRetentionTest extends RetentionContract {

  private Path file;

  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }

  @Override
  protected Object bindable(Object a) {
    // why: SQLite stores instants as microseconds since the epoch
    return a instanceof Instant t ? t.getEpochSecond() * 1_000_000L + t.getNano() / 1000 : a;
  }

  @Test
  void theFileShrinksAfterAPurge() throws Exception {
    file = SqliteBackend.newFile();
    String org;
    try (SqliteStorageProvider p =
        SqliteStorageProvider.open(new SqliteConfig(file, 2, now::get))) {
      org = newOrgIn(p);
      String pad = "x".repeat(2_000);
      for (int b = 0; b < 20; b++) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
          events.add(
              Event.unwritten(
                  id("evt"),
                  org,
                  "s-" + i % 10,
                  "agent-1",
                  EventType.CUSTOM,
                  Severity.INFO,
                  Instant.parse("2026-01-05T00:00:00Z").plusSeconds(b * 1000L + i),
                  "{\"type\":\"t\",\"data\":{\"pad\":\"" + pad + "\"}}",
                  "{}"));
        }
        p.stores().events().append(new EventBatch(org, null, events));
      }
    }
    // why: in WAL mode the file takes its new size when the last connection checkpoints on close
    long before = sizeAfterCheckpoint();
    PurgeReport r;
    try (SqliteStorageProvider p =
        SqliteStorageProvider.open(new SqliteConfig(file, 2, now::get))) {
      r =
          new PurgeJob(
                  p.stores().orgs(),
                  p.retentionPurge(),
                  p.jobLeases(),
                  now::get,
                  new RetentionPolicy(OptionalInt.empty()),
                  "me",
                  500)
              .runOnce()
              .orElseThrow();
    }
    long after = sizeAfterCheckpoint();
    assertThat(r.events()).isEqualTo(5_000);
    assertThat(r.pagesFreed()).isPositive();
    assertThat(after).as("file bytes before %d, after %d", before, after).isLessThan(before / 2);
  }

  @Test
  void aFileWithoutAutoVacuumIsConvertedWhenOpened() throws Exception {
    Path legacy = SqliteBackend.newFile();
    SqliteStorageProvider.open(new SqliteConfig(legacy, 1, now::get)).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + legacy);
        Statement s = c.createStatement()) {
      // a file made before this release: no auto_vacuum
      s.execute("pragma auto_vacuum = none");
      s.execute("vacuum");
      assertThat(autoVacuum(s)).isZero();
    }
    SqliteStorageProvider.open(new SqliteConfig(legacy, 1, now::get)).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + legacy);
        Statement s = c.createStatement()) {
      assertThat(autoVacuum(s)).isEqualTo(2);
    }
  }

  private static int autoVacuum(Statement s) throws Exception {
    try (var rs = s.executeQuery("pragma auto_vacuum")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private String newOrgIn(SqliteStorageProvider p) {
    String id = id("org");
    p.stores()
        .orgs()
        .create(
            new ai.agentlens.core.account.model.Org(
                id,
                "s-" + id.substring(4, 24),
                "Org " + id,
                ai.agentlens.core.plan.Plan.PRO,
                ai.agentlens.core.account.model.OrgSettings.defaults(30),
                now.get()));
    return id;
  }

  private long sizeAfterCheckpoint() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("pragma wal_checkpoint(TRUNCATE)");
    }
    return Files.size(file);
  }
}
