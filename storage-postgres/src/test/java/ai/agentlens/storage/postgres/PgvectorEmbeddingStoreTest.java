package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EmbeddingStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test kit's {@link EmbeddingStoreContract} on PostgreSQL with the real pgvector extension.
 * Skipped (a JUnit assumption) where the server does not offer pgvector, as on the machines this
 * build is proved on; {@link PgvectorStandInEmbeddingStoreTest} runs the same SQL there.
 */
class PgvectorEmbeddingStoreTest extends EmbeddingStoreContract {

  private boolean offered;

  @Override
  protected OpenedBackend open(Clock clock) throws SQLException {
    var db = TestPostgres.newDatabase();
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("select count(*) from pg_available_extensions where name = 'vector'")) {
        rs.next();
        offered = rs.getInt(1) > 0;
      }
      if (offered) {
        st.execute("create extension vector");
      }
    }
    return PostgresBackend.open(TestStorage.createRoles(db), clock);
  }

  // why: an assumption per test, so each one is reported skipped rather than the class vanishing
  @BeforeEach
  void requirePgvector() {
    assumeTrue(offered, "the PostgreSQL server does not offer pgvector");
  }

  @Test
  void theExtensionRanks() {
    assertThat(provider.embeddings()).isInstanceOf(PgvectorEmbeddingStore.class);
  }
}
