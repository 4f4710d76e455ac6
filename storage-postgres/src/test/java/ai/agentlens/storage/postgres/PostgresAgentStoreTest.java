package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AgentStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AgentStoreContract} on PostgreSQL. */
class PostgresAgentStoreTest extends AgentStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
