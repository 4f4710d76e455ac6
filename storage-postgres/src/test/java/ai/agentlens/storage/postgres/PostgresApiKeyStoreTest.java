package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.ApiKeyStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link ApiKeyStoreContract} on PostgreSQL. */
class PostgresApiKeyStoreTest extends ApiKeyStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
