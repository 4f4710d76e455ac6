package ai.agentlens.storage.contract;

/** {@link UserTokenStoreContract} on Postgres. */
class PostgresUserTokenStoreTest extends UserTokenStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
