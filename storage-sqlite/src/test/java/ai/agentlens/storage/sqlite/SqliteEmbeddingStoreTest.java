package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EmbeddingStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link EmbeddingStoreContract} on Sqlite. */
class SqliteEmbeddingStoreTest extends EmbeddingStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
