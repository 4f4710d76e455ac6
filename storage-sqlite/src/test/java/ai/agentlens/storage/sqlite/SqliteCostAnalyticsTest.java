package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.CostAnalyticsContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link CostAnalyticsContract} on SQLite. */
class SqliteCostAnalyticsTest extends CostAnalyticsContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
