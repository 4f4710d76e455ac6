package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.BillingStateStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link BillingStateStoreContract} on Sqlite. */
class SqliteBillingStateStoreTest extends BillingStateStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
