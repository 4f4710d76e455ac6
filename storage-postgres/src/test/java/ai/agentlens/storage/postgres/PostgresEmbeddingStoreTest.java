package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EmbeddingStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link EmbeddingStoreContract} on Postgres. */
class PostgresEmbeddingStoreTest extends EmbeddingStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
