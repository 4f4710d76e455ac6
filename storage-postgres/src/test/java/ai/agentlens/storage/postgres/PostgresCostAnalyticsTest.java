package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.CostAnalyticsContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link CostAnalyticsContract} on PostgreSQL. */
class PostgresCostAnalyticsTest extends CostAnalyticsContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
