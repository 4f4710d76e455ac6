package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.RootCauseStoreContract;

/** The test kit's {@link RootCauseStoreContract} on Sqlite. */
class SqliteRootCauseStoreTest extends RootCauseStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
