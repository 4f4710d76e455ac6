package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.TenantIsolationContract;
import ai.agentlens.storage.spi.StorageCapability;
import ai.agentlens.testing.TestStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FR-40 proved by the database itself, on top of the test kit's {@link TenantIsolationContract}:
 * raw SQL as the application role, with and without a tenant set, including queries that forget
 * their WHERE clause. PostgreSQL-only by nature (catalog queries, roles, partitions), so it lives
 * here rather than in the kit; the capability it needs is still asked of the provider.
 */
class PostgresRowLevelSecurityTest extends TenantIsolationContract {

  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }

  @BeforeEach
  void requiresRls() {
    assumeTrue(
        provider.capabilities().has(StorageCapability.ROW_LEVEL_SECURITY),
        "the database does not isolate tenants itself");
  }

  private Connection app(String org) throws SQLException {
    return AppRoleSql.app(opened.raw(), org);
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    return AppRoleSql.column(c, sql);
  }

  @Test
  void everyTableWithAnOrgIdHasForcedRowLevelSecurity() throws SQLException {
    try (Connection c = TestStorage.postgresRoles().database().connect()) {
      List<String> tables =
          column(
              c,
              "select c.relname || ':' || c.relrowsecurity || ':' || c.relforcerowsecurity"
                  + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                  + " join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id'"
                  + " and not a.attisdropped"
                  + " where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1");
      assertThat(tables).hasSizeGreaterThanOrEqualTo(10);
      assertThat(tables).anyMatch(t -> t.startsWith("events_p"));
      assertThat(tables).allSatisfy(t -> assertThat(t).endsWith(":true:true"));
      assertThat(
              column(
                  c,
                  "select relrowsecurity || ':' || relforcerowsecurity from pg_class"
                      + " where relname = 'orgs'"))
          .containsExactly("true:true");
    }
  }

  @Test
  void theApplicationRoleOwnsNothingAndCannotBypassRls() throws SQLException {
    try (Connection c = app(null)) {
      assertThat(
              column(
                  c,
                  "select rolsuper || ':' || rolbypassrls from pg_roles"
                      + " where rolname = current_user"))
          .containsExactly("false:false");
      assertThat(
              column(
                  c,
                  "select count(*) from pg_class where relowner ="
                      + " (select oid from pg_roles where rolname = current_user)"))
          .containsExactly("0");
    }
  }

  @Test
  void withNoOrgSetEvenSelectStarWithoutWhereSeesZeroRows() throws SQLException {
    try (Connection c = app(null)) {
      for (String table :
          List.of(
              "events",
              "event_keys",
              "sessions",
              "agents",
              "usage_records",
              "rollup_hourly",
              "rollup_daily",
              "api_keys",
              "memberships",
              "invitations",
              "audit_log",
              "orgs")) {
        assertThat(column(c, "select count(*) from " + table)).as(table).containsExactly("0");
      }
    }
    try (Connection c = app(orgA)) {
      assertThat(column(c, "select distinct org_id from events")).containsExactly(orgA);
      assertThat(column(c, "select distinct org_id from sessions")).containsExactly(orgA);
      assertThat(column(c, "select count(*) from api_keys")).containsExactly("0");
    }
  }

  @Test
  void theTenantSettingDiesWithItsTransaction() throws SQLException {
    try (Connection c = app(orgA)) {
      assertThat(column(c, "select count(*) from events")).containsExactly("1");
      c.commit();
      assertThat(column(c, "select count(*) from events")).containsExactly("0");
    }
  }

  @Test
  void orgACannotInsertOrChangeOrgBsRowsEvenWithRawSql() throws SQLException {
    try (Connection c = app(orgA)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into sessions (org_id, id, agent_id, started_at, last_event_at, status)"
                  + " values (?, 'forged', 'a', now(), now(), 'active')")) {
        ps.setString(1, orgB);
        assertThatThrownBy(ps::executeUpdate)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("row-level security");
      }
      c.rollback();
    }
    try (Connection c = app(orgA)) {
      try (Statement st = c.createStatement()) {
        assertThat(st.executeUpdate("update sessions set event_count = 999")).isEqualTo(1);
        assertThat(st.executeUpdate("delete from api_keys")).isZero();
        assertThatThrownBy(() -> st.executeUpdate("update sessions set org_id = '" + orgB + "'"))
            .hasMessageContaining("row-level security");
      }
      c.rollback();
    }
    assertThat(stores.sessions().find(orgB, "shared-session").orElseThrow().eventCount())
        .isEqualTo(1);
    assertThat(stores.apiKeys().list(orgB)).hasSize(1);
  }

  @Test
  void theApplicationRoleCannotChangeTheAuditLogButTheOwnerIsStoppedByTheTriggerToo()
      throws SQLException {
    try (Connection c = app(orgB);
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("update audit_log set action = 'forged'"))
          .hasMessageContaining("permission denied");
      c.rollback();
    }
    try (Connection admin = TestStorage.postgresRoles().database().connect();
        Statement st = admin.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("delete from audit_log"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.executeUpdate("truncate audit_log"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void theApplicationRoleCannotCreatePartitionsItselfOnlyThroughTheOwnersFunction()
      throws SQLException {
    try (Connection c = app(null);
        Statement st = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  st.execute(
                      "create table events_p209901 partition of events for values from"
                          + " ('2099-01-01 00:00:00+00') to ('2099-02-01 00:00:00+00')"))
          .isInstanceOf(SQLException.class);
      c.rollback();
      st.execute("select ensure_event_partition(2099, 1)");
      c.commit();
      assertThat(column(c, "select to_regclass('events_p209901')::text"))
          .containsExactly("events_p209901");
    }
  }
}
