package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.storage.spi.StorageProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session index kept off the commit (V48): reads by session are whole and in order whether a
 * session's events are indexed, above the mark, or both; the mark survives a restart; deletes take
 * their entries (and the mark when the newest rows go); a repeated sequence is refused at indexing
 * without hiding an event.
 */
class SqliteSessionIndexTest {

  private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

  @TempDir Path dir;
  private final SessionEventsFixture fixture = new SessionEventsFixture(T);

  @Test
  void readsBySessionAreWholeAndInOrderAcrossTheIndexAndTheRowsAboveItsMark() throws Exception {
    Path file = dir.resolve("mixed.db");
    try (SqliteStorageProvider p = open(file)) {
      fixture.org(p, "acme");
      fixture.org(p, "other");
      // interleaved sessions, so that a session's rowids are not contiguous
      for (int round = 0; round < 3; round++) {
        fixture.append(p, "acme", "a", 4, T.plusSeconds(round));
        fixture.append(p, "acme", "b", 2, T.plusSeconds(round));
        fixture.append(p, "other", "a", 3, T.plusSeconds(round));
      }
      assertThat(p.indexSessionsNow()).isEqualTo(27);
      fixture.append(p, "acme", "a", 3, T.plusSeconds(10));
      fixture.append(p, "other", "a", 1, T.plusSeconds(10));
      fixture.append(p, "acme", "c", 2, T.plusSeconds(10));
      assertThat(indexed(file)).isEqualTo(27);

      var events = p.stores().events();
      assertThat(events.timeline("acme", "a", 0, 100))
          .extracting(Event::orgId, Event::sequence)
          .containsExactlyElementsOf(seq("acme", 1, 15));
      // a page that ends inside the index, and the next that crosses the mark
      assertThat(events.timeline("acme", "a", 5, 4))
          .extracting(Event::sequence)
          .containsExactly(6L, 7L, 8L, 9L);
      assertThat(events.timeline("acme", "a", 11, 100))
          .extracting(Event::sequence)
          .containsExactly(12L, 13L, 14L, 15L);
      assertThat(events.timeline("other", "a", 8, 100))
          .extracting(Event::orgId, Event::sequence)
          .containsExactly(Tuple.tuple("other", 9L), Tuple.tuple("other", 10L));
      assertThat(events.timeline("acme", "c", 0, 100))
          .extracting(Event::sequence)
          .containsExactly(1L, 2L);

      EventQuery a = new EventQuery("a", null, null, null, null, null, 100, 0);
      assertThat(events.count("acme", a)).isEqualTo(15);
      assertThat(events.count("other", a)).isEqualTo(10);
      assertThat(events.query("other", a)).allMatch(e -> e.orgId().equals("other")).hasSize(10);

      List<String> export = new ArrayList<>();
      String session = "";
      long sequence = 0;
      for (List<Event> page;
          !(page = events.exportPage("acme", null, null, session, sequence, 4)).isEmpty(); ) {
        for (Event e : page) {
          export.add(e.sessionId() + e.sequence());
        }
        session = page.get(page.size() - 1).sessionId();
        sequence = page.get(page.size() - 1).sequence();
      }
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 15; i++) {
        expected.add("a" + i);
      }
      for (int i = 1; i <= 6; i++) {
        expected.add("b" + i);
      }
      expected.add("c1");
      expected.add("c2");
      assertThat(export).containsExactlyElementsOf(expected);

      // once indexed, the same reads give the same answers
      assertThat(p.indexSessionsNow()).isEqualTo(6);
      assertThat(events.timeline("acme", "a", 0, 100)).hasSize(15);
      assertThat(events.count("other", a)).isEqualTo(10);
    }
  }

  @Test
  void itsReadingCountsTheEventsWaitingAndTheRunsThatIndexedThem() {
    try (SqliteStorageProvider p = open(dir.resolve("stats.db"))) {
      fixture.org(p, "acme");
      assertThat(p.sessionIndex()).hasValue(new StorageProvider.SessionIndexStats(0, 0, 0, 0));
      fixture.append(p, "acme", "a", 5, T);
      fixture.append(p, "acme", "b", 3, T);
      var waiting = p.sessionIndex().orElseThrow();
      assertThat(waiting.waiting()).isEqualTo(8);
      assertThat(waiting.runs()).isZero();

      assertThat(p.indexSessionsNow()).isEqualTo(8);
      var caughtUp = p.sessionIndex().orElseThrow();
      assertThat(caughtUp.waiting()).isZero();
      assertThat(caughtUp.runs()).as("a run that found nothing is not counted").isEqualTo(1);
      assertThat(caughtUp.indexed()).isEqualTo(8);
      assertThat(caughtUp.busyNanos()).isPositive();

      fixture.append(p, "acme", "a", 2, T.plusSeconds(1));
      assertThat(p.sessionIndex().orElseThrow().waiting()).isEqualTo(2);
    }
  }

  @Test
  void theMarkSurvivesARestartAndTheIndexCatchesUp() throws Exception {
    Path file = dir.resolve("restart.db");
    try (SqliteStorageProvider p = open(file)) {
      fixture.org(p, "acme");
      fixture.append(p, "acme", "s", 5, T);
      p.indexSessionsNow();
      fixture.append(p, "acme", "s", 3, T.plusSeconds(1));
    }
    assertThat(indexed(file)).isEqualTo(5);
    try (SqliteStorageProvider p = open(file)) {
      assertThat(p.stores().events().timeline("acme", "s", 0, 100)).hasSize(8);
      p.indexSessionsNow();
      assertThat(indexed(file)).isEqualTo(8);
      assertThat(mark(file)).isEqualTo(max(file));
    }
  }

  @Test
  void deletedEventsTakeTheirEntriesAndTheMarkComesDownWithTheNewestRows() throws Exception {
    Path file = dir.resolve("delete.db");
    try (SqliteStorageProvider p = open(file)) {
      fixture.org(p, "acme");
      fixture.org(p, "other");
      fixture.append(p, "acme", "old", 3, T);
      fixture.append(p, "other", "s", 2, T);
      p.indexSessionsNow();
      assertThat(indexed(file)).isEqualTo(5);

      assertThat(p.stores().orgs().delete("other")).isTrue();
      assertThat(indexed(file)).isEqualTo(3);
      // the newest rows went: a row stored now gets a rowid the old mark covered
      assertThat(mark(file)).isEqualTo(max(file)).isEqualTo(3);
      fixture.append(p, "acme", "new", 2, T.plusSeconds(3_600));
      assertThat(p.stores().events().timeline("acme", "new", 0, 100)).hasSize(2);
      p.indexSessionsNow();
      assertThat(indexed(file)).isEqualTo(5);

      assertThat(p.retentionPurge().purgeEvents("acme", T.plusSeconds(60), 100)).isEqualTo(3);
      assertThat(indexed(file)).isEqualTo(2);
      assertThat(p.stores().events().timeline("acme", "old", 0, 100)).isEmpty();
      assertThat(p.stores().events().timeline("acme", "new", 0, 100)).hasSize(2);
    }
  }

  @Test
  void aRepeatedSequenceIsRefusedAtIndexingAndTheEventStaysReadable() throws Exception {
    Path file = dir.resolve("repeat.db");
    try (SqliteStorageProvider p = open(file)) {
      fixture.org(p, "acme");
      fixture.append(p, "acme", "s", 2, T);
      p.indexSessionsNow();
      fixture.append(p, "acme", "s", 1, T.plusSeconds(1));
      try (Connection c = SqliteStorageProvider.dataSource(file).getConnection();
          Statement s = c.createStatement()) {
        // a bug that gave two events one sequence, as the old unique index would have refused
        s.executeUpdate("update events set sequence = 2 where sequence = 3");
      }
      assertThatThrownBy(p::indexSessionsNow).hasMessageContaining("UNIQUE");
      assertThat(p.stores().events().timeline("acme", "s", 0, 100))
          .extracting(Event::sequence)
          .containsExactly(1L, 2L, 2L);
      assertThat(mark(file)).isEqualTo(2);
    }
  }

  private static List<Tuple> seq(String org, int from, int to) {
    List<Tuple> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(Tuple.tuple(org, i));
    }
    return out;
  }

  // why: the indexer's own runs would move the counts these tests assert; they index by hand
  private static SqliteStorageProvider open(Path file) {
    return SqliteStorageProvider.open(SqliteConfig.of(file), java.time.Duration.ofDays(1));
  }

  private static long indexed(Path file) throws SQLException {
    return one(file, "select count(*) from event_sessions");
  }

  private static long mark(Path file) throws SQLException {
    return one(file, "select indexed_to from event_sessions_mark");
  }

  private static long max(Path file) throws SQLException {
    return one(file, "select coalesce(max(rowid), 0) from events");
  }

  private static long one(Path file, String query) throws SQLException {
    try (Connection c = SqliteStorageProvider.dataSource(file).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
