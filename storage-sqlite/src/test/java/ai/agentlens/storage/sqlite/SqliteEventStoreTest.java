package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.EventStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link EventStoreContract} on SQLite. */
class SqliteEventStoreTest extends EventStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
