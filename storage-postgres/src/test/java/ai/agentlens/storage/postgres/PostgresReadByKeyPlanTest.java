package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.Clock;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LLM request log's read-back by call id ({@link PostgresDialect#readByKey}) looks each key up
 * in the {@code (org_id, call_id)} unique index even when the table has never been analyzed, as on
 * a fresh database under load: an {@code in (...)} list of a run's 256 call ids was planned as a
 * read of every row of the org there. It returns the rows of the keys that exist, of the org asked
 * for only.
 */
class PostgresReadByKeyPlanTest {

  private static final String COLUMNS = "r.org_id, r.call_id, r.prompt";
  // why: a recorder run reads back up to 256 call ids; with that many, an unanalyzed table's
  // in-list was read through another org-led index, row by row of the org
  private static final int KEYS = 256;

  @Test
  void readsByTheUniqueIndexWithoutStatisticsAndSkipsMissingKeys() throws Exception {
    var db = TestPostgres.newDatabase();
    PostgresRoles roles = TestStorage.createRoles(db);
    try (var provider =
        PostgresStorageProvider.open(PostgresBackend.config(roles, Clock.system()))) {
      assertThat(provider).isNotNull();
    }
    String sql = new PostgresDialect().readByKey("llm_requests r", COLUMNS, "call_id", KEYS);
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      // why: superuser fixture rows (no org rows for the foreign key); the table stays unanalyzed
      st.execute("set session_replication_role = replica");
      st.execute(
          "insert into llm_requests (org_id, id, call_id, prompt, status, source, started_at)"
              + " select case when g % 4 = 0 then 'org_b' else 'org_a' end, 'r' || g,"
              + " 'c' || lpad(g::text, 6, '0'), 'prompt ' || g, 'ok', 'events', now()"
              + " from generate_series(1, 5000) g");
      List<String> plan = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("explain " + sql)) {
        bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.add(rs.getString(1));
          }
        }
      }
      assertThat(String.join("\n", plan))
          .contains("llm_requests_org_id_call_id_key")
          .doesNotContain("llm_requests_started")
          .doesNotContain("Seq Scan on llm_requests");
      List<String> found = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            assertThat(rs.getString("org_id")).isEqualTo("org_a");
            found.add(rs.getString("call_id") + "=" + rs.getString("prompt"));
          }
        }
      }
      // why: c000008 exists, but in org_b (8 % 4 == 0), so org_a's read leaves it out
      assertThat(found).containsExactlyInAnyOrder("c000007=prompt 7", "c004999=prompt 4999");
    }
  }

  private static void bind(PreparedStatement ps) throws java.sql.SQLException {
    ps.setString(1, "org_a");
    ps.setString(2, "c000007");
    ps.setString(3, "c004999");
    ps.setString(4, "c000008");
    for (int i = 4; i <= KEYS; i++) {
      ps.setString(i + 1, "missing-" + i);
    }
  }
}
