package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.GuardrailStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link GuardrailStoreContract} on PostgreSQL. */
class PostgresGuardrailStoreTest extends GuardrailStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
