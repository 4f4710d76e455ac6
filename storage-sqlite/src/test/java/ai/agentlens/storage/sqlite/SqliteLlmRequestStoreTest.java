package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.LlmRequestStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link LlmRequestStoreContract} on Sqlite. */
class SqliteLlmRequestStoreTest extends LlmRequestStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
