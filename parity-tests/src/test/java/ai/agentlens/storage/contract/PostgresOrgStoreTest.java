package ai.agentlens.storage.contract;

/** {@link OrgStoreContract} on Postgres. */
class PostgresOrgStoreTest extends OrgStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
