package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.HealthAggregatesContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link HealthAggregatesContract} on Postgres. */
class PostgresHealthAggregatesTest extends HealthAggregatesContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
