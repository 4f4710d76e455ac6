package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AlertingStoresContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AlertingStoresContract} on Sqlite. */
class SqliteAlertingStoresTest extends AlertingStoresContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
