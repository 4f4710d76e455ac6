package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.storage.spi.jdbc.Rows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite binds a list of keys as one JSON array ({@link SqliteDialect#keyIn}): it finds exactly the
 * rows an in-list of placeholders finds, whatever characters the keys hold, and each key is still
 * one lookup of the unique index on a file that was never analyzed.
 */
class SqliteKeyListTest {

  @TempDir Path dir;

  private final SqliteDialect sqlite = new SqliteDialect();

  private static final List<String> KEYS =
      List.of(
          "plain",
          "with \"quotes\"",
          "back\\slash",
          "\\u0041 not an escape",
          "tab\tand\nnewline",
          "bell\u0007",
          "ünïcødé 日本語 🙂",
          "lone \uD800 surrogate",
          "[\"looks\",\"like json\"]",
          "");

  @Test
  void aJsonKeyListFindsWhatAnInListFindsForEveryKind() throws Exception {
    try (Connection c = SqliteStorageProvider.dataSource(dir.resolve("k.db")).getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("create table t (org_id text not null, k text not null, unique (org_id, k))");
      }
      try (PreparedStatement ps = c.prepareStatement("insert into t values (?, ?)")) {
        for (String k : KEYS) {
          for (String org : List.of("a", "b")) {
            ps.setString(1, org);
            ps.setString(2, k);
            ps.executeUpdate();
          }
        }
      }
      List<String> asked = new ArrayList<>(KEYS);
      asked.add("absent");
      List<String> viaJson = keys(c, sqlite, asked);
      List<String> viaInList = keys(c, null, asked);
      assertThat(viaInList).hasSize(KEYS.size());
      assertThat(viaJson).containsExactlyInAnyOrderElementsOf(viaInList);
      for (String k : KEYS) {
        assertThat(keys(c, sqlite, List.of(k))).as(k).isEqualTo(keys(c, null, List.of(k)));
      }
    }
  }

  @Test
  void oneStatementTextAndTwoParametersWhateverTheListsLength() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add("k" + i);
    }
    assertThat(sqlite.keyIn("id", 500)).isEqualTo(sqlite.keyIn("id", 1));
    assertThat(sqlite.readByKey("t", "k", "k", 500)).isEqualTo(sqlite.readByKey("t", "k", "k", 1));
    assertThat(sqlite.orgAndKeys("o", many)).hasSize(2).startsWith("o");
  }

  @Test
  void eachKeyIsOneLookupOfTheUniqueIndexOnAnUnanalyzedFile() throws Exception {
    Path file = dir.resolve("store.db");
    SqliteStorageProvider.open(SqliteConfig.of(file)).close();
    try (Connection c = SqliteStorageProvider.dataSource(file).getConnection()) {
      assertThat(plan(c, "select id from events where org_id = 'o' and " + sqlite.keyIn("id", 2)))
          .contains("SEARCH events USING COVERING INDEX events_org_id (org_id=? AND id=?)")
          .doesNotContain("SCAN events");
      assertThat(plan(c, sqlite.lockByKey("sessions", Rows.SESSION_COLUMNS, 2)))
          .containsPattern("SEARCH sessions USING INDEX \\S+ \\(org_id=\\? AND id=\\?\\)")
          .doesNotContain("SCAN sessions");
      assertThat(
              plan(
                  c,
                  "select session_id, skey from session_keys where org_id = 'o' and "
                      + sqlite.keyIn("session_id", 2)))
          .contains("(org_id=? AND session_id=?)")
          .doesNotContain("SCAN session_keys");
    }
  }

  /** The keys of org "a" among {@code asked}: by {@code d}'s list, or an in-list when null. */
  private static List<String> keys(Connection c, SqliteDialect d, List<String> asked)
      throws SQLException {
    String where =
        d == null
            ? "k in (" + String.join(",", java.util.Collections.nCopies(asked.size(), "?")) + ")"
            : d.keyIn("k", asked.size());
    List<Object> inList = new ArrayList<>(List.of("a"));
    inList.addAll(asked);
    Object[] args = d == null ? inList.toArray() : d.orgAndKeys("a", asked);
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("select k from t where org_id = ? and " + where)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static String plan(Connection c, String query) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement("explain query plan " + query);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.append(rs.getString("detail")).append('\n');
      }
    }
    return out.toString();
  }
}
