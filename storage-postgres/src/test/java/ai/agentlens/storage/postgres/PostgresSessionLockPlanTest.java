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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worker's session lock ({@link PostgresDialect#lockByKey}) reads by primary key even when the
 * table has never been analyzed (autovacuum off or behind), and returns the existing rows of the
 * given ids in id order.
 */
class PostgresSessionLockPlanTest {

  @Test
  void locksByPrimaryKeyWithoutStatisticsAndSkipsMissingIds() throws Exception {
    var db = TestPostgres.newDatabase();
    PostgresRoles roles = TestStorage.createRoles(db);
    try (var provider =
        PostgresStorageProvider.open(PostgresBackend.config(roles, Clock.system()))) {
      assertThat(provider).isNotNull();
    }
    String sql = new PostgresDialect().lockByKey("sessions", Rows.SESSION_COLUMNS, 3);
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      // why: superuser fixture rows; no org row is needed for a plan and a lock
      st.execute("set session_replication_role = replica");
      st.execute(
          "insert into sessions (org_id, id, agent_id, started_at, last_event_at, status)"
              + " select 'org_a', 's' || lpad(g::text, 5, '0'), 'agent', now(), now(), 'active'"
              + " from generate_series(1, 5000) g");
      c.setAutoCommit(false);
      List<String> plan = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("explain " + sql)) {
        bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.add(rs.getString(1));
          }
        }
      }
      assertThat(String.join("\n", plan)).contains("sessions_pkey").doesNotContain("org_agent");
      List<String> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString("id"));
          }
        }
      }
      assertThat(ids).containsExactly("s00007", "s04000");
      c.rollback();
    }
  }

  private static void bind(PreparedStatement ps) throws java.sql.SQLException {
    ps.setString(1, "org_a");
    ps.setString(2, "s00007");
    ps.setString(3, "s04000");
    ps.setString(4, "missing");
  }
}
