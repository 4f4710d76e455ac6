package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.QuotaStoreContract;

/** The test kit's {@link QuotaStoreContract} on Sqlite. */
class SqliteQuotaStoreTest extends QuotaStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
