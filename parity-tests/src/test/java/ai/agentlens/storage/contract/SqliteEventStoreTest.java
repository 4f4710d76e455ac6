package ai.agentlens.storage.contract;

/** {@link EventStoreContract} on Sqlite. */
class SqliteEventStoreTest extends EventStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
