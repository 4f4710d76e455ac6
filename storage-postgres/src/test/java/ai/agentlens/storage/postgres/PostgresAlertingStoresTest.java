package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AlertingStoresContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AlertingStoresContract} on Postgres. */
class PostgresAlertingStoresTest extends AlertingStoresContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
