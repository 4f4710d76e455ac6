package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.spi.jdbc.Rows;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reads of a list of keys on hot tables ({@link PostgresDialect#lockByKey} for the worker's session
 * lock, {@link PostgresDialect#readByKey} for the LLM request log's read-back) look each key up in
 * the table's unique index even when the table has never been analyzed, as on a fresh database
 * under load, where {@code org_id = ? and key in (...)} was planned as a read of every row of the
 * org. Each returns the rows of the keys that exist, of the org asked for only.
 */
class PostgresKeyLookupPlanTest {

  // why: a recorder run reads back up to 256 call ids and a worker locks as many sessions; with
  // that many, an unanalyzed table's in-list was read through another org-led index, row by row
  private static final int KEYS = 256;

  @Test
  void theSessionLockReadsByPrimaryKeyWithoutStatisticsAndSkipsMissingIds() throws Exception {
    String sql = new PostgresDialect().lockByKey("sessions", Rows.SESSION_COLUMNS, KEYS);
    // why: the worker locks a batch's sessions, hundreds at a time; with a handful of ids even the
    // in-list form found the primary key
    List<String> keys = new ArrayList<>(List.of("s00007", "s04000"));
    IntStream.range(keys.size(), KEYS).forEach(i -> keys.add("missing-" + i));
    try (Connection c = unanalyzed()) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "insert into sessions (org_id, id, agent_id, started_at, last_event_at, status)"
                + " select 'org_a', 's' || lpad(g::text, 5, '0'), 'agent', now(), now(), 'active'"
                + " from generate_series(1, 5000) g");
      }
      c.setAutoCommit(false);
      assertThat(plan(c, sql, keys)).contains("sessions_pkey").doesNotContain("org_agent");
      assertThat(read(c, sql, keys, "id")).containsExactly("s00007", "s04000");
      c.rollback();
    }
  }

  @Test
  void theLlmLogReadBackUsesTheCallIdIndexWithoutStatisticsAndStaysInItsOrg() throws Exception {
    String sql =
        new PostgresDialect()
            .readByKey("llm_requests r", "r.org_id, r.call_id, r.prompt", "call_id", KEYS);
    // why: c000008 exists, but in org_b (8 % 4 == 0); the rest of the 256 do not exist at all
    List<String> keys = new ArrayList<>(List.of("c000007", "c004999", "c000008"));
    IntStream.range(keys.size(), KEYS).forEach(i -> keys.add("missing-" + i));
    try (Connection c = unanalyzed()) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "insert into llm_requests (org_id, id, call_id, prompt, status, source, started_at)"
                + " select case when g % 4 = 0 then 'org_b' else 'org_a' end, 'r' || g,"
                + " 'c' || lpad(g::text, 6, '0'), 'prompt ' || g, 'ok', 'events', now()"
                + " from generate_series(1, 5000) g");
      }
      assertThat(plan(c, sql, keys))
          .contains("llm_requests_org_id_call_id_key")
          .doesNotContain("llm_requests_started")
          .doesNotContain("Seq Scan on llm_requests");
      assertThat(read(c, sql, keys, "org_id")).containsOnly("org_a");
      assertThat(read(c, sql, keys, "call_id")).containsExactlyInAnyOrder("c000007", "c004999");
      assertThat(read(c, sql, keys, "prompt")).containsExactlyInAnyOrder("prompt 7", "prompt 4999");
    }
  }

  /** A superuser connection to a migrated database whose tables were never analyzed. */
  private static Connection unanalyzed() throws SQLException {
    var db = TestPostgres.newDatabase();
    PostgresRoles roles = TestStorage.createRoles(db);
    try (var provider =
        PostgresStorageProvider.open(PostgresBackend.config(roles, Clock.system()))) {
      assertThat(provider).isNotNull();
    }
    Connection c = db.connect();
    try (Statement st = c.createStatement()) {
      // why: superuser fixture rows; no org row is needed for a plan and a read
      st.execute("set session_replication_role = replica");
    }
    return c;
  }

  private static String plan(Connection c, String sql, List<String> keys) throws SQLException {
    return String.join("\n", read(c, "explain " + sql, keys, "QUERY PLAN"));
  }

  private static List<String> read(Connection c, String sql, List<String> keys, String column)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, "org_a");
      for (int i = 0; i < keys.size(); i++) {
        ps.setString(i + 2, keys.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(column));
        }
      }
    }
    return out;
  }
}
