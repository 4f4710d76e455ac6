package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EmbeddingStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.spi.StorageCapability;
import org.junit.jupiter.api.Test;

/**
 * The test kit's {@link EmbeddingStoreContract} on PostgreSQL ranking in the database, through
 * {@link PgvectorStandIn}: the same answers as the in-process ranking.
 */
class PgvectorStandInEmbeddingStoreTest extends EmbeddingStoreContract {

  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(PgvectorStandIn.roles(), clock);
  }

  @Test
  void theDatabaseRanksAndTheCapabilitySaysSo() {
    assertThat(provider.embeddings()).isInstanceOf(PgvectorEmbeddingStore.class);
    assertThat(provider.embeddings().rankedInDatabase()).isTrue();
    assertThat(provider.capabilities().has(StorageCapability.VECTOR_SEARCH)).isTrue();
  }
}
