package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.ApiKeyStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link ApiKeyStoreContract} on SQLite. */
class SqliteApiKeyStoreTest extends ApiKeyStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
