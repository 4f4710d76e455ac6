package ai.agentlens.storage.contract;

/** {@link AgentStoreContract} on Sqlite. */
class SqliteAgentStoreTest extends AgentStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
