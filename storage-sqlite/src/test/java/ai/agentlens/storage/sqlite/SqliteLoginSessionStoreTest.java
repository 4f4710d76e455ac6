package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.LoginSessionStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;

/** The test kit's {@link LoginSessionStoreContract} on SQLite. */
class SqliteLoginSessionStoreTest extends LoginSessionStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
