package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.HealthAggregatesContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link HealthAggregatesContract} on Sqlite. */
class SqliteHealthAggregatesTest extends HealthAggregatesContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
