package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AgentStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AgentStoreContract} on SQLite. */
class SqliteAgentStoreTest extends AgentStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
