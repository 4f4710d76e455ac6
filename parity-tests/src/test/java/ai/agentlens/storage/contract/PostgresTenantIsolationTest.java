package ai.agentlens.storage.contract;

/** {@link TenantIsolationContract} on Postgres. */
class PostgresTenantIsolationTest extends TenantIsolationContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
