package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V42 rebuilds {@code events} as a rowid table: a database written before it (events clustered on
 * their key) keeps every row, column for column, and the key stays unique.
 */
class SqliteEventsRowidMigrationTest {

  static final String COLUMNS =
      "org_id, id, session_id, agent_id, event_type, severity, ts, payload, metadata, sequence,"
          + " prev_hash, hash, hash_version, hash_source";
  private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

  @TempDir Path dir;

  @Test
  void rowsWrittenBeforeV42AreKeptAndTheKeyStaysUnique() throws Exception {
    List<List<Object>> written = writtenByTheStore(dir.resolve("source.db"));
    Path old = dir.resolve("old.db");
    migrateTo(old, "41");
    try (Connection c = SqliteStorageProvider.dataSource(old).getConnection()) {
      assertThat(tableSql(c)).containsIgnoringCase("without rowid");
      insertRaw(c, written);
    }

    SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(old));
    try {
      assertThat(Integer.parseInt(p.schemaVersion())).isGreaterThanOrEqualTo(42);
      assertThat(p.stores().events().find("acme", "e7")).isPresent();
      assertThat(p.stores().events().timeline("acme", "s1", 0, 100)).hasSize(10);
    } finally {
      p.close();
    }
    try (Connection c = SqliteStorageProvider.dataSource(old).getConnection()) {
      assertThat(tableSql(c)).doesNotContainIgnoringCase("without rowid");
      assertThat(rows(c)).containsExactlyInAnyOrderElementsOf(written);
      assertThatThrownBy(() -> insertRaw(c, written.subList(0, 1)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("UNIQUE");
    }
  }

  private static List<List<Object>> writtenByTheStore(Path file) throws Exception {
    SqliteStorageProvider p = SqliteStorageProvider.open(new SqliteConfig(file, 1, Clock.fixed(T)));
    try {
      p.stores()
          .orgs()
          .create(new Org("acme", "acme", "Acme", Plan.PRO, OrgSettings.defaults(90), T));
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        events.add(
            Event.unwritten(
                "e" + i,
                "acme",
                "s" + (i % 3),
                "a",
                EventType.TOOL_CALL,
                Severity.INFO,
                T.plusSeconds(i),
                "{\"callId\":\"c" + i + "\",\"toolName\":\"x\",\"arguments\":{}}",
                "{}"));
      }
      p.stores().events().append(new EventBatch("acme", null, events));
    } finally {
      p.close();
    }
    try (Connection c = SqliteStorageProvider.dataSource(file).getConnection()) {
      List<List<Object>> rows = rows(c);
      assertThat(rows).hasSize(30);
      return rows;
    }
  }

  static List<List<Object>> rows(Connection c) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select " + COLUMNS + " from events")) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  static void insertRaw(Connection c, List<List<Object>> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into events (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (List<Object> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          ps.setObject(i + 1, row.get(i));
        }
        ps.executeUpdate();
      }
    }
  }

  private static String tableSql(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select sql from sqlite_master where type = 'table' and name = 'events'")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /**
   * Creates a database file migrated up to (and including) one version, as an older release left
   * it.
   *
   * @param file the file
   * @param version the last version to apply
   */
  static void migrateTo(Path file, String version) {
    Flyway.configure(SqliteEventsRowidMigrationTest.class.getClassLoader())
        .dataSource(SqliteStorageProvider.dataSource(file))
        .locations("classpath:db/sqlite")
        .target(version)
        .load()
        .migrate();
  }
}
