package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.RemediationStoreContract;

/** The test kit's {@link RemediationStoreContract} on Sqlite. */
class SqliteRemediationStoreTest extends RemediationStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
