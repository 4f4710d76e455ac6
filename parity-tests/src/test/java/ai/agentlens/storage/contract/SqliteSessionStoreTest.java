package ai.agentlens.storage.contract;

/** {@link SessionStoreContract} on Sqlite. */
class SqliteSessionStoreTest extends SessionStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
