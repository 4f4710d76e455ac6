package ai.agentlens.storage.contract;

/** {@link LoginSessionStoreContract} on Sqlite. */
class SqliteLoginSessionStoreTest extends LoginSessionStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
