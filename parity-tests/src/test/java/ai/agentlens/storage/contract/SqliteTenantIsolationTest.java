package ai.agentlens.storage.contract;

/** {@link TenantIsolationContract} on Sqlite. */
class SqliteTenantIsolationTest extends TenantIsolationContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
