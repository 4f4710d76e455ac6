package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.UserTokenStoreContract;

/** The test kit's {@link UserTokenStoreContract} on SQLite. */
class SqliteUserTokenStoreTest extends UserTokenStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }
}
