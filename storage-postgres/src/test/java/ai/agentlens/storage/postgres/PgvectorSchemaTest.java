package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.spi.StorageCapability;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How the {@code vec} column follows {@code pgvector} on and off across restarts, and how rows
 * written without it are back-filled, on {@link PgvectorStandIn}.
 */
class PgvectorSchemaTest {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private static StoredEmbedding emb(String org, String id, float[] v, long seconds) {
    return new StoredEmbedding(
        org, "event", id, "s", null, "text " + id, "h" + id, "m", v, T.plusSeconds(seconds));
  }

  private static List<String> ids(PostgresStorageProvider p, String org, float[] q) {
    return p
        .embeddings()
        .nearest(new EmbeddingFilter(org, "m", Set.of(), null, null, null), q, 10_000, 10)
        .stream()
        .map(EmbeddingMatch::embedding)
        .map(StoredEmbedding::sourceId)
        .toList();
  }

  @Test
  void turningPgvectorOffDropsTheColumnAndOnAgainBackFillsIt() throws Exception {
    PostgresRoles roles = PgvectorStandIn.newRoles();
    PostgresConfig config = PostgresBackend.config(roles, Clock.system());
    String org;
    try (var off = PostgresStorageProvider.open(config.withPgvector(false))) {
      assertThat(off.embeddings().rankedInDatabase()).isFalse();
      assertThat(off.capabilities().has(StorageCapability.VECTOR_SEARCH)).isFalse();
      assertThat(hasColumn(roles)).isFalse();
      org = "org_" + java.util.UUID.randomUUID().toString().replace("-", "");
      off.stores()
          .orgs()
          .create(
              new Org(
                  org,
                  "s-" + org.substring(4, 24),
                  "Backfill",
                  Plan.PRO,
                  OrgSettings.defaults(30),
                  Instant.now()));
      List<StoredEmbedding> rows = new java.util.ArrayList<>();
      for (int i = 0; i < PgvectorBackfill.BATCH + 20; i++) {
        rows.add(emb(org, "r" + i, new float[] {i, 1}, i));
      }
      rows.add(emb(org, "best", new float[] {1, 0}, 0));
      rows.add(emb(org, "subnormal", new float[] {1, Float.MIN_VALUE}, 1));
      off.embeddings().upsert(rows);
      assertThat(ids(off, org, new float[] {1, 0})).startsWith("subnormal", "best");
    }
    try (var on = PostgresStorageProvider.open(config)) {
      assertThat(on.embeddings().rankedInDatabase()).isTrue();
      assertThat(on.capabilities().has(StorageCapability.VECTOR_SEARCH)).isTrue();
      assertThat(hasColumn(roles)).isTrue();
      assertThat(ids(on, org, new float[] {1, 0}))
          .as("the same answer while rows are not yet back-filled")
          .startsWith("subnormal", "best");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (filled(roles, org) < PgvectorBackfill.BATCH + 21 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(filled(roles, org))
          .as("every row pgvector can hold is back-filled; the subnormal one stays in process")
          .isEqualTo(PgvectorBackfill.BATCH + 21);
      assertThat(ids(on, org, new float[] {1, 0})).startsWith("subnormal", "best");
      assertThat(ids(on, org, new float[] {0, 1})).startsWith("r0");
    }
    try (var offAgain = PostgresStorageProvider.open(config.withPgvector(false))) {
      assertThat(hasColumn(roles)).isFalse();
      assertThat(ids(offAgain, org, new float[] {1, 0})).startsWith("subnormal", "best");
    }
  }

  private static boolean hasColumn(PostgresRoles roles) throws SQLException {
    try (Connection c = roles.connectAsApp();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from information_schema.columns"
                        + " where table_name = 'embeddings' and column_name = 'vec'")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }

  private static long filled(PostgresRoles roles, String org) throws SQLException {
    try (Connection c = roles.connectAsApp()) {
      c.setAutoCommit(false);
      try (PreparedStatement scope =
          c.prepareStatement("select set_config('app.current_org', ?, true)")) {
        scope.setString(1, org);
        scope.execute();
      }
      try (ResultSet rs =
          c.createStatement()
              .executeQuery("select count(*) from embeddings where vec is not null")) {
        rs.next();
        return rs.getLong(1);
      } finally {
        c.rollback();
      }
    }
  }
}
