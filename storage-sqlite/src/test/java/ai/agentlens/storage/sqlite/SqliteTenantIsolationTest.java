package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.TenantIsolationContract;

/** The test kit's {@link TenantIsolationContract} on SQLite. */
class SqliteTenantIsolationTest extends TenantIsolationContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
