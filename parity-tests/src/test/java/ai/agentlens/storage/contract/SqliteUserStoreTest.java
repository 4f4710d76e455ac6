package ai.agentlens.storage.contract;

/** {@link UserStoreContract} on Sqlite. */
class SqliteUserStoreTest extends UserStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
