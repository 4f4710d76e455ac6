package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.spi.StorageCapabilities;
import ai.agentlens.storage.spi.StorageCapability;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL reports as capabilities, asserted against the database itself: the contract
 * suites skip by these, so a wrong report would silently skip or fail tests on this backend. {@link
 * PostgresRowLevelSecurityTest} proves the Row-Level Security the report promises.
 */
class PostgresCapabilitiesTest {

  @Test
  void postgresReportsWhatTheDatabaseHas() throws SQLException {
    OpenedBackend opened = PostgresBackend.open(Clock.system());
    try (var provider = opened.provider();
        Connection c = opened.raw().connect()) {
      Set<StorageCapability> expected =
          EnumSet.of(
              StorageCapability.ROW_LEVEL_SECURITY,
              StorageCapability.PARTITIONING,
              StorageCapability.MULTI_PROCESS_WRITERS,
              StorageCapability.DATABASE_ROLES);
      // why: pgvector is optional on the server; with it the store ranks in the database and
      // says so, without it the store ranks in process (PgvectorStandInEmbeddingStoreTest)
      boolean pgvector =
          one(c, "select count(*) from pg_extension where extname = 'vector'").equals("1");
      assertThat(provider.embeddings().rankedInDatabase()).isEqualTo(pgvector);
      if (pgvector) {
        expected.add(StorageCapability.VECTOR_SEARCH);
      }
      StorageCapabilities capabilities = provider.capabilities();
      assertThat(capabilities.backend()).isEqualTo("postgres");
      assertThat(capabilities.features()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(one(c, "select relkind from pg_class where relname = 'events'"))
          .as("events is a partitioned table")
          .isEqualTo("p");
    }
  }

  private static String one(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
