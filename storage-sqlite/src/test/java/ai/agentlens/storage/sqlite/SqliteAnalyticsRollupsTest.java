package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.AnalyticsRollupsContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link AnalyticsRollupsContract} on SQLite. */
class SqliteAnalyticsRollupsTest extends AnalyticsRollupsContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
