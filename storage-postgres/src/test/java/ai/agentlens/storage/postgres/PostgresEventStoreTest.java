package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EventStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link EventStoreContract} on PostgreSQL. */
class PostgresEventStoreTest extends EventStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
