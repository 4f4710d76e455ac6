package ai.agentlens.storage.contract;

/** {@link ApiKeyStoreContract} on Postgres. */
class PostgresApiKeyStoreTest extends ApiKeyStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
