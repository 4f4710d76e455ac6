package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.Clock;
import ai.agentlens.testing.TestDatabase;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Indexed text columns compare as bytes (V46, collation {@code "C"}), and the migration that set it
 * on an existing database kept its rows, its tenant policies and their isolation.
 */
class PostgresKeyCollationTest {

  private static final String INDEXED_TEXT_COLUMNS =
      "select c.relname || '.' || a.attname || ' ' || coalesce(co.collname, '?')"
          + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
          + " join pg_namespace n on n.oid = c.relnamespace"
          + " left join pg_collation co on co.oid = a.attcollation"
          + " where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0"
          + " and not a.attisdropped and a.atttypid in ('text'::regtype, 'varchar'::regtype)"
          + " and exists (select 1 from pg_index i where i.indrelid = c.oid"
          + " and a.attnum = any (i.indkey::int2[])) order by 1";

  private static final String POLICIES =
      "select tablename || ' ' || policyname || ' ' || permissive || ' ' || cmd || ' '"
          + " || roles::text || ' ' || coalesce(qual, '-') || ' ' || coalesce(with_check, '-')"
          + " from pg_policies where schemaname = 'public' order by 1";

  @Test
  void everyIndexedTextColumnOfEveryTableAndPartitionComparesAsBytes() throws Exception {
    PostgresRoles roles = TestStorage.createRoles(TestPostgres.newDatabase());
    open(roles);
    try (Connection c = roles.database().connect()) {
      List<String> columns = AppRoleSql.column(c, INDEXED_TEXT_COLUMNS);
      // why: guards against a vacuous pass; the schema had 112 such columns when V46 was written
      assertThat(columns).hasSizeGreaterThanOrEqualTo(100);
      assertThat(columns)
          .contains("events.org_id C", "events.session_id C", "sessions.id C", "orgs.id C");
      assertThat(columns)
          .anyMatch(col -> col.startsWith("events_p") && col.endsWith(".session_id C"));
      assertThat(columns).allMatch(col -> col.endsWith(" C"), "collation C");
    }
  }

  @Test
  void theMigrationKeepsRowsPoliciesAndIsolationOfADatabaseWrittenBeforeIt() throws Exception {
    TestDatabase db = TestPostgres.newDatabase();
    PostgresRoles roles = TestStorage.createRoles(db);
    Flyway.configure(PostgresKeyCollationTest.class.getClassLoader())
        .dataSource(db.jdbcUrl(), roles.owner(), roles.password())
        .locations("classpath:db/postgres")
        .placeholders(Map.of("appRole", roles.app()))
        .target("45")
        .load()
        .migrate();
    List<String> policiesBefore;
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      // why: a partition that exists before V46 has its own policy, dropped and created again
      st.execute("select ensure_event_partition(2020, 1)");
      // why: a table of another role in the schema (as an extension may add) is not the owner's
      // to alter; the migration must leave it and its policy alone rather than fail
      st.execute("create table public.not_ours (name text primary key)");
      st.execute("alter table public.not_ours enable row level security");
      st.execute("create policy theirs on public.not_ours using (name <> '')");
      policiesBefore = AppRoleSql.column(c, POLICIES);
      // why: superuser fixture rows; the orgs they name need not exist for this check
      st.execute("set session_replication_role = replica");
      for (String row : List.of("org_a:a", "org_a:B", "org_a:_c", "org_b:zz")) {
        String[] parts = row.split(":");
        st.execute(
            "insert into sessions (org_id, id, agent_id, started_at, last_event_at, status)"
                + " values ('"
                + parts[0]
                + "', '"
                + parts[1]
                + "', 'agent', now(), now(), 'active')");
      }
    }

    open(roles);

    try (Connection c = db.connect()) {
      assertThat(policiesBefore).hasSizeGreaterThanOrEqualTo(40);
      List<String> policiesAfter = AppRoleSql.column(c, POLICIES);
      assertThat(policiesBefore).anyMatch(p -> p.startsWith("events_p202001 tenant "));
      assertThat(policiesAfter).containsAll(policiesBefore);
      // why: opening the provider adds the partitions of the months around today
      assertThat(policiesAfter)
          .filteredOn(p -> !policiesBefore.contains(p))
          .allMatch(p -> p.startsWith("events_p"));
      List<String> columns = AppRoleSql.column(c, INDEXED_TEXT_COLUMNS);
      assertThat(columns).contains("not_ours.name default");
      assertThat(columns)
          .filteredOn(col -> !col.startsWith("not_ours."))
          .hasSizeGreaterThanOrEqualTo(100)
          .allMatch(col -> col.endsWith(" C"));
    }
    assertThat(sessionIdsSeenBy(roles, "org_a")).containsExactly("B", "_c", "a");
    assertThat(sessionIdsSeenBy(roles, "org_b")).containsExactly("zz");
    assertThat(sessionIdsSeenBy(roles, null)).isEmpty();
  }

  private static void open(PostgresRoles roles) {
    try (var provider =
        PostgresStorageProvider.open(PostgresBackend.config(roles, Clock.system()))) {
      assertThat(provider.capabilities()).isNotNull();
    }
  }

  /** Session ids in id order, read as the application role with one org (or none) set. */
  private static List<String> sessionIdsSeenBy(PostgresRoles roles, String org)
      throws SQLException {
    try (Connection c = roles.connectAsApp()) {
      c.setAutoCommit(false);
      if (org != null) {
        try (PreparedStatement ps =
            c.prepareStatement("select set_config('app.current_org', ?, true)")) {
          ps.setString(1, org);
          ps.execute();
        }
      }
      List<String> ids = AppRoleSql.column(c, "select id from sessions order by id");
      c.rollback();
      return ids;
    }
  }
}
