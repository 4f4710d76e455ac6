package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.TenantIsolationContract;

/** The test kit's {@link TenantIsolationContract} on PostgreSQL. */
class PostgresTenantIsolationTest extends TenantIsolationContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
