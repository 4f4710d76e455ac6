package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.CostBudgetStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link CostBudgetStoreContract} on SQLite. */
class SqliteCostBudgetStoreTest extends CostBudgetStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
