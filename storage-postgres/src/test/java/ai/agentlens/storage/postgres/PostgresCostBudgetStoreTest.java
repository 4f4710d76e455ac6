package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.CostBudgetStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link CostBudgetStoreContract} on PostgreSQL. */
class PostgresCostBudgetStoreTest extends CostBudgetStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }
}
