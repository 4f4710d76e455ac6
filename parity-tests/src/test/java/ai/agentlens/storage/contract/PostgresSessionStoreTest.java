package ai.agentlens.storage.contract;

/** {@link SessionStoreContract} on Postgres. */
class PostgresSessionStoreTest extends SessionStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
