package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.DeletionQueueContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link DeletionQueueContract} on SQLite. */
class SqliteDeletionQueueTest extends DeletionQueueContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
