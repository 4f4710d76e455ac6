package ai.agentlens.storage.contract;

/** {@link EventStoreContract} on Postgres. */
class PostgresEventStoreTest extends EventStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
