package ai.agentlens.storage.contract;

/** {@link AgentStoreContract} on Postgres. */
class PostgresAgentStoreTest extends AgentStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
