package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite finds a session's events through an integer key (V45, {@code session_keys}): each (org,
 * session) has its own key, every read by session stays inside its org, the plans seek the key
 * indexes (V48's {@code event_sessions} and the rowid range above its mark), keys go with the last
 * of their session's rows, and V45 keys an existing database.
 */
class SqliteSessionKeysTest {

  private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

  @TempDir Path dir;
  private final SessionEventsFixture fixture = new SessionEventsFixture(T);

  @Test
  void oneSessionIdInTwoOrgsHasTwoKeysAndEachReadStaysInItsOrg() throws Exception {
    Path file = dir.resolve("a.db");
    try (SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(file))) {
      fixture.org(p, "acme");
      fixture.org(p, "other");
      fixture.append(p, "acme", "s1", 5, T);
      fixture.append(p, "acme", "s2", 2, T);
      fixture.append(p, "other", "s1", 3, T);
      fixture.append(p, "acme", "s1", 1, T.plusSeconds(60));

      var events = p.stores().events();
      assertThat(events.timeline("acme", "s1", 0, 100))
          .extracting(Event::orgId, Event::sequence)
          .containsExactly(
              t("acme", 1), t("acme", 2), t("acme", 3), t("acme", 4), t("acme", 5), t("acme", 6));
      assertThat(events.timeline("other", "s1", 1, 100))
          .extracting(Event::orgId, Event::sequence)
          .containsExactly(t("other", 2), t("other", 3));
      assertThat(events.timeline("acme", "nobody", 0, 100)).isEmpty();

      EventQuery bySession = new EventQuery("s1", null, null, null, null, null, 100, 0);
      assertThat(events.query("other", bySession))
          .hasSize(3)
          .allMatch(e -> e.orgId().equals("other"));
      assertThat(events.count("acme", bySession)).isEqualTo(6);

      assertThat(events.exportPage("acme", null, null, "", 0, 100))
          .extracting(Event::sessionId, Event::sequence)
          .containsExactly(
              t("s1", 1),
              t("s1", 2),
              t("s1", 3),
              t("s1", 4),
              t("s1", 5),
              t("s1", 6),
              t("s2", 1),
              t("s2", 2));
      assertThat(events.exportPage("acme", null, T.plusSeconds(30), "s1", 4, 100))
          .extracting(Event::sessionId, Event::sequence)
          .containsExactly(t("s1", 5), t("s2", 1), t("s2", 2));
    }
    try (Connection c = SqliteStorageProvider.dataSource(file).getConnection()) {
      assertThat(strings(c, "select count(*) from session_keys")).containsExactly("3");
      assertThat(strings(c, "select count(*) from events where session_key is null"))
          .containsExactly("0");
      assertThat(
              strings(c, "select count(distinct session_key) from events where session_id = 's1'"))
          .containsExactly("2");
    }
  }

  @Test
  void readsBySessionSeekTheKeyIndexesAndNeverScanTheEvents() throws Exception {
    Path file = dir.resolve("plan.db");
    try (SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(file))) {
      fixture.org(p, "acme");
      for (int s = 0; s < 20; s++) {
        fixture.append(p, "acme", "s" + s, 20, T.plusSeconds(s));
      }
      p.indexSessionsNow();
      fixture.append(p, "acme", "s3", 5, T.plusSeconds(100));
    }
    String key =
        "(select sk.skey from session_keys sk where sk.org_id = 'acme' and sk.session_id = 's3')";
    String mark = "(select m.indexed_to from event_sessions_mark m)";
    // why: not analyzed, as the store's own file never is
    try (Connection c = SqliteStorageProvider.dataSource(file).getConnection()) {
      String timeline =
          plan(
              c,
              "select * from events where rowid in (select es.event_rowid from event_sessions es"
                  + " where es.session_key = "
                  + key
                  + " and es.sequence > 2 order by es.sequence limit 10) union all select * from"
                  + " events where rowid > "
                  + mark
                  + " and +session_key = "
                  + key
                  + " and sequence > 2 order by 10 limit 10");
      assertThat(timeline)
          .contains("SEARCH es USING PRIMARY KEY (session_key=? AND sequence>?)")
          .contains("SEARCH events USING INTEGER PRIMARY KEY (rowid>?)")
          .doesNotContain("SCAN events");
      String filter =
          plan(
              c,
              "select count(*) from events where +org_id = 'acme' and agent_id = 'a' and ts >= 0"
                  + " and rowid in (select"
                  + " es.event_rowid from event_sessions es where es.session_key = "
                  + key
                  + " union all select t.rowid from events t where t.rowid > "
                  + mark
                  + " and +t.session_key = "
                  + key
                  + ")");
      assertThat(filter)
          .contains("SEARCH events USING INTEGER PRIMARY KEY (rowid=?)")
          .contains("SEARCH es USING PRIMARY KEY (session_key=?)")
          .contains("SEARCH t USING INTEGER PRIMARY KEY (rowid>?)")
          .doesNotContain("SCAN events")
          .doesNotContain("AUTOMATIC");
      String where =
          " where sk.org_id = 'acme' and sk.session_id >= 's3' and (sk.session_id > 's3' or"
              + " e.sequence > 4) and e.ts >= 0 and e.ts < 9e18";
      String export =
          plan(
              c,
              "select e.org_id, e.id, e.session_id, e.agent_id, e.event_type, e.severity, e.ts,"
                  + " e.payload, e.metadata, es.sequence, e.prev_hash, e.hash, e.hash_version,"
                  + " e.hash_source, sk.session_id from session_keys sk cross join event_sessions es on"
                  + " es.session_key = sk.skey cross join events e on e.rowid = es.event_rowid"
                  + where
                  + " union all select e.org_id, e.id, e.session_id, e.agent_id, e.event_type,"
                  + " e.severity, e.ts, e.payload, e.metadata, e.sequence, e.prev_hash, e.hash,"
                  + " e.hash_version, e.hash_source, sk.session_id from events e cross join session_keys sk"
                  + " on sk.skey = e.session_key"
                  + where
                  + " and e.rowid > "
                  + mark
                  + " order by 15, 10 limit 10");
      // the rows above the mark are sorted, and only they: the indexed side comes in order
      assertThat(export.substring(0, export.indexOf("RIGHT"))).doesNotContain("TEMP B-TREE");
      assertThat(export)
          .contains("SEARCH sk USING COVERING INDEX session_keys_org_session")
          .contains("SEARCH es USING PRIMARY KEY (session_key=?)")
          .contains("SEARCH e USING INTEGER PRIMARY KEY (rowid=?)")
          .contains("SEARCH e USING INTEGER PRIMARY KEY (rowid>?)")
          .doesNotContain("SCAN e");
    }
  }

  // The plans above are of SQL written here; this proves the store's own reads use the key: with
  // every stored row's session_id overwritten, only a read through session_key still finds them.
  @Test
  void theStoresReadsBySessionGoThroughTheKeyNotTheSessionIdColumn() throws Exception {
    Path file = dir.resolve("through-key.db");
    try (SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(file))) {
      fixture.org(p, "acme");
      fixture.append(p, "acme", "s1", 3, T);
      fixture.append(p, "acme", "s2", 2, T);
    }
    try (Connection c = SqliteStorageProvider.dataSource(file).getConnection();
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("update events set session_id = 'overwritten'")).isEqualTo(5);
    }
    try (SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(file))) {
      var events = p.stores().events();
      assertThat(events.timeline("acme", "s1", 0, 100))
          .extracting(Event::sequence)
          .containsExactly(1L, 2L, 3L);
      EventQuery bySession = new EventQuery("s2", null, null, null, null, null, 100, 0);
      assertThat(events.query("acme", bySession)).extracting(Event::sequence).hasSize(2);
      assertThat(events.count("acme", bySession)).isEqualTo(2);
      assertThat(
              events.query(
                  "acme", new EventQuery("overwritten", null, null, null, null, null, 100, 0)))
          .isEmpty();
      assertThat(events.exportPage("acme", null, null, "s1", 2, 100))
          .extracting(Event::sequence)
          .containsExactly(3L, 1L, 2L);
    }
  }

  @Test
  void aPurgedSessionLosesItsKeyAndComesBackWithANewOne() throws Exception {
    Path file = dir.resolve("purge.db");
    try (SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(file))) {
      fixture.org(p, "acme");
      fixture.append(p, "acme", "old", 3, T);
      fixture.append(p, "acme", "kept", 2, T.plusSeconds(3_600));
      var purge = p.retentionPurge();
      assertThat(purge.purgeEvents("acme", T.plusSeconds(60), 100)).isEqualTo(3);
      purge.purgeDerived("acme", T.plusSeconds(60), T);
      try (Connection c = SqliteStorageProvider.dataSource(file).getConnection()) {
        assertThat(strings(c, "select session_id from session_keys")).containsExactly("kept");
      }

      fixture.append(p, "acme", "old", 2, T.plusSeconds(7_200));
      assertThat(p.stores().events().timeline("acme", "old", 0, 100)).hasSize(2);
      assertThat(p.stores().events().timeline("acme", "kept", 0, 100)).hasSize(2);
    }
  }

  @Test
  void deletingTheOrgDeletesItsKeys() throws Exception {
    Path file = dir.resolve("delete.db");
    try (SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(file))) {
      fixture.org(p, "acme");
      fixture.org(p, "other");
      fixture.append(p, "acme", "s1", 2, T);
      fixture.append(p, "other", "s1", 2, T);
      assertThat(p.stores().orgs().delete("acme")).isTrue();
    }
    try (Connection c = SqliteStorageProvider.dataSource(file).getConnection()) {
      assertThat(strings(c, "select org_id from session_keys")).containsExactly("other");
    }
  }

  @Test
  void v45KeysTheEventsOfAnExistingDatabase() throws Exception {
    Path source = dir.resolve("source.db");
    List<List<Object>> written;
    try (SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(source))) {
      fixture.org(p, "acme");
      for (int s = 0; s < 3; s++) {
        fixture.append(p, "acme", "s" + s, 4, T.plusSeconds(s));
      }
    }
    try (Connection c = SqliteStorageProvider.dataSource(source).getConnection()) {
      written = SqliteEventsRowidMigrationTest.rows(c);
    }
    Path old = dir.resolve("old.db");
    SqliteEventsRowidMigrationTest.migrateTo(old, "44");
    try (Connection c = SqliteStorageProvider.dataSource(old).getConnection()) {
      SqliteEventsRowidMigrationTest.insertRaw(c, written);
    }
    copySessions(source, old);

    try (SqliteStorageProvider p = SqliteStorageProvider.open(SqliteConfig.of(old))) {
      assertThat(Integer.parseInt(p.schemaVersion())).isGreaterThanOrEqualTo(45);
      assertThat(p.stores().events().timeline("acme", "s1", 0, 100))
          .extracting(Event::sequence)
          .containsExactly(1L, 2L, 3L, 4L);
      fixture.append(p, "acme", "s1", 1, T.plusSeconds(600));
      assertThat(p.stores().events().timeline("acme", "s1", 4, 100))
          .extracting(Event::sequence)
          .containsExactly(5L);
    }
    try (Connection c = SqliteStorageProvider.dataSource(old).getConnection()) {
      assertThat(strings(c, "select count(*) from session_keys")).containsExactly("3");
      assertThat(strings(c, "select count(*) from events where session_key is null"))
          .containsExactly("0");
      // V48 indexed the migrated rows; the one appended since is indexed or above the mark
      assertThat(
              strings(
                  c,
                  "select (select count(*) from event_sessions) + (select count(*) from events"
                      + " where rowid > (select indexed_to from event_sessions_mark))"))
          .containsExactly("13");
      assertThatThrownBy(
              () -> {
                try (Statement s = c.createStatement()) {
                  s.execute(
                      "insert into event_sessions (session_key, sequence, event_rowid) select"
                          + " session_key, 1, rowid from events where session_id = 's1' and"
                          + " sequence = 2");
                }
              })
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("UNIQUE");
    }
  }

  private static void copySessions(Path from, Path to) throws SQLException {
    try (Connection c = SqliteStorageProvider.dataSource(to).getConnection();
        Statement s = c.createStatement()) {
      s.execute("attach database '" + from + "' as src");
      s.execute("delete from sessions");
      s.execute("insert into sessions select * from src.sessions");
      s.execute("insert into orgs select * from src.orgs where id not in (select id from orgs)");
    }
  }

  private static org.assertj.core.groups.Tuple t(Object a, long b) {
    return org.assertj.core.groups.Tuple.tuple(a, b);
  }

  private static String plan(Connection c, String query) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("explain query plan " + query)) {
      while (rs.next()) {
        out.append(rs.getString("detail")).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> strings(Connection c, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
