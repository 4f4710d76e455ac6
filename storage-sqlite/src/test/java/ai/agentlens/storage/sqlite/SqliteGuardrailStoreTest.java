package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.GuardrailStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link GuardrailStoreContract} on SQLite. */
class SqliteGuardrailStoreTest extends GuardrailStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
