package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.SessionSummaryStoreContract;

/** The test kit's {@link SessionSummaryStoreContract} on Sqlite. */
class SqliteSessionSummaryStoreTest extends SessionSummaryStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
