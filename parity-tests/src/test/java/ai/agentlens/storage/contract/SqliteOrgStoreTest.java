package ai.agentlens.storage.contract;

/** {@link OrgStoreContract} on Sqlite. */
class SqliteOrgStoreTest extends OrgStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
