package ai.agentlens.storage.contract;

/** {@link LoginSessionStoreContract} on Postgres. */
class PostgresLoginSessionStoreTest extends LoginSessionStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
