package ai.agentlens.storage.contract;

/** {@link UserTokenStoreContract} on Sqlite. */
class SqliteUserTokenStoreTest extends UserTokenStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
