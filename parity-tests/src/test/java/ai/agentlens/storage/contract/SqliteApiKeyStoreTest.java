package ai.agentlens.storage.contract;

/** {@link ApiKeyStoreContract} on Sqlite. */
class SqliteApiKeyStoreTest extends ApiKeyStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
