package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.IncidentStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link IncidentStoreContract} on Sqlite. */
class SqliteIncidentStoreTest extends IncidentStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
