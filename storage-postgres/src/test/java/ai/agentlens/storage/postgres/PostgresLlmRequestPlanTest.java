package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement of the request log that the connection prepared while {@code llm_requests} was empty
 * keeps a generic plan that reads the org's rows once the table has grown (no statistics:
 * autovacuum off or behind); after {@link PostgresDialect#planEachStatement} the same prepared
 * statement is planned by the primary key.
 */
class PostgresLlmRequestPlanTest {

  private static final String UPDATE =
      "prepare score_row(integer, text, text) as update llm_requests set risk_score = $1"
          + " where org_id = $2 and id = $3";

  @Test
  void aPlanCachedOnTheEmptyTableIsReplacedByOneOnThePrimaryKey() throws Exception {
    var db = TestPostgres.newDatabase();
    PostgresRoles roles = TestStorage.createRoles(db);
    try (var provider =
        PostgresStorageProvider.open(PostgresBackend.config(roles, Clock.system()))) {
      assertThat(provider).isNotNull();
    }
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      // why: superuser fixture rows; no org row is needed for a plan
      st.execute("set session_replication_role = replica");
      c.setAutoCommit(false);
      st.execute(UPDATE);
      for (int i = 0; i < 6; i++) {
        st.execute("execute score_row(1, 'org_a', 'missing')");
      }
      st.execute(
          "insert into llm_requests (org_id, id, call_id, status, source, started_at, prompt,"
              + " risk_score, latency_ms, model) select 'org_a', 'id-' || g, 'call-' || g,"
              + " 'success', 'event', now(), 'w' || g, g % 100, g % 1000, 'm-' || (g % 5)"
              + " from generate_series(1, 20000) g");
      assertThat(plan(st))
          .as("the hazard: the plan cached on the empty table reads the org")
          .doesNotContain("llm_requests_pkey");
      new Sql(new PostgresDialect()).planEachStatement(c);
      assertThat(plan(st))
          .contains("Index Cond: ((org_id = 'org_a'::text) AND (id = 'id-7'::text))");
      c.rollback();
    }
  }

  private static String plan(Statement st) throws java.sql.SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("explain execute score_row(2, 'org_a', 'id-7')")) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return String.join("\n", lines);
  }
}
