package ai.agentlens.storage.contract;

/** {@link UserStoreContract} on Postgres. */
class PostgresUserStoreTest extends UserStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
