package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.LlmRequestStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link LlmRequestStoreContract} on Postgres. */
class PostgresLlmRequestStoreTest extends LlmRequestStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
