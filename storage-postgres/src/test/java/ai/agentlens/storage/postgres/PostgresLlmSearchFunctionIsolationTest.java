package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.StorageContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full-text search's function {@code llm_requests_matching} runs as the owner role, past the
 * tenant policy, so that the GIN index serves: proved here with raw SQL as the application role
 * that it still returns only the rows of the org the transaction is scoped to, nothing without an
 * org, and that the owner's read policy gives the application role nothing more.
 */
class PostgresLlmSearchFunctionIsolationTest extends StorageContract {

  private static final String CALL =
      "select id from llm_requests_matching(to_tsquery('simple', 'refund'), 100, false, 0,"
          + " null, null, null, null, null, null, null, null) order by id";

  private String orgA;
  private String orgB;

  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }

  @BeforeAll
  void twoOrgsWithTheSameWord() {
    orgA = newOrg().id();
    orgB = newOrg().id();
    Instant t = Instant.parse("2026-04-01T10:00:00Z");
    for (int i = 0; i < 3; i++) {
      call(orgA, "a" + i, "refund please " + i, t.plusSeconds(i));
      call(orgB, "b" + i, "refund now " + i, t.plusSeconds(10 + i));
    }
    call(orgB, "b-other", "shipping only", t.plusSeconds(20));
  }

  private void call(String org, String id, String prompt, Instant at) {
    provider
        .llmRequests()
        .recordCall(
            new LlmCallWrite(
                org, id, "call-" + id, "bot", "s", "openai", "m", prompt, at, "event"));
  }

  private Connection app(String org) throws SQLException {
    return AppRoleSql.app(opened.raw(), org);
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    return AppRoleSql.column(c, sql);
  }

  @Test
  void theFunctionReturnsOnlyTheScopedOrgsMatches() throws SQLException {
    try (Connection c = app(orgA)) {
      assertThat(column(c, CALL)).containsExactly("a0", "a1", "a2");
    }
    try (Connection c = app(orgB)) {
      assertThat(column(c, CALL)).containsExactly("b0", "b1", "b2");
    }
  }

  @Test
  void theFunctionReturnsTheNewestOrOldestMatchesWhateverItsWindow() throws SQLException {
    String call =
        "select id from llm_requests_matching(to_tsquery('simple', 'refund'), 2, %s, %s,"
            + " null, null, null, null, null, null, null, null)";
    try (Connection c = app(orgA)) {
      for (String window : List.of("0", "1", "2", "100")) {
        assertThat(column(c, call.formatted("false", window)))
            .as(window)
            .containsExactly("a2", "a1");
        assertThat(column(c, call.formatted("true", window)))
            .as(window)
            .containsExactly("a0", "a1");
      }
    }
    try (Connection c = app(orgB)) {
      // the newest row of B does not match: a window of 1 holds no match, the index gives both
      assertThat(column(c, call.formatted("false", "1"))).containsExactly("b2", "b1");
      assertThat(column(c, call.formatted("false", "2"))).containsExactly("b2", "b1");
    }
  }

  @Test
  void withoutAnOrgTheFunctionReturnsNothing() throws SQLException {
    try (Connection c = app(null)) {
      assertThat(column(c, CALL)).isEmpty();
    }
    try (Connection c = app(null)) {
      assertThat(column(c, "select set_config('app.current_org', '', true)")).containsExactly("");
      assertThat(column(c, CALL)).isEmpty();
    }
  }

  @Test
  void theOwnersReadPolicyGivesTheApplicationRoleNothing() throws SQLException {
    try (Connection c = app(orgA)) {
      assertThat(column(c, "select distinct org_id from llm_requests")).containsExactly(orgA);
      assertThat(column(c, "select count(*) from llm_requests where search @@ 'refund'::tsquery"))
          .containsExactly("3");
    }
    try (Connection c = app(null)) {
      assertThat(column(c, "select count(*) from llm_requests")).containsExactly("0");
    }
  }

  @Test
  void theFunctionsFiltersAreBoundNotSpliced() throws SQLException {
    try (Connection c = app(orgA)) {
      assertThat(
              column(
                  c,
                  "select id from llm_requests_matching(to_tsquery('simple', 'refund'), 100, false, 0,"
                      + " 'bot'' or true --', null, null, null, null, null, null, null)"))
          .isEmpty();
      assertThat(
              column(
                  c,
                  "select id from llm_requests_matching(to_tsquery('simple', 'refund'), 2, false, 0,"
                      + " 'bot', 'm', 'openai', 'pending', null, null, null, null) order by id"))
          .containsExactly("a1", "a2");
    }
  }

  @Test
  void theApplicationRoleCannotRedefineTheFunction() throws SQLException {
    try (Connection c = app(orgA)) {
      assertThatThrownBy(
              () ->
                  execute(
                      c,
                      "create or replace function llm_requests_matching(q tsquery, n integer,"
                          + " oldest_first boolean, time_window integer, p_agent text, p_model text, p_provider text, p_status text,"
                          + " p_min_risk integer, p_max_risk integer, p_from timestamptz,"
                          + " p_to timestamptz) returns table (id text, rank real)"
                          + " language sql as $$ select id, 1::real from llm_requests $$"))
          .isInstanceOf(SQLException.class)
          .hasMessageMatching("(?s).*(must be owner|permission denied).*");
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
