package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AnalyticsRollupsContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AnalyticsRollupsContract} on PostgreSQL. */
class PostgresAnalyticsRollupsTest extends AnalyticsRollupsContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
