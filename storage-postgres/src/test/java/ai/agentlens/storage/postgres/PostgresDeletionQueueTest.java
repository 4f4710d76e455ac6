package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.DeletionQueueContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link DeletionQueueContract} on PostgreSQL (Row-Level Security on). */
class PostgresDeletionQueueTest extends DeletionQueueContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
